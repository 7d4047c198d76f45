using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using Microsoft.Extensions.Logging;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Sources;

/// <summary>What the base class guarantees beyond the conformance suite: failed connects, misuse, handler faults.</summary>
public sealed class ChatSourceBaseTests
{
    private readonly LogCapture _logs = new();

    [Fact]
    public async Task ConnectAsync_CoreThrows_BackToDisconnectedAndRetryWorks()
    {
        await using var source = new ScriptedSource(_logs) { ConnectFailure = new IOException("refused") };
        var states = new List<ConnectionState>();
        source.StateChanged += (_, e) => states.Add(e.Current);

        await FluentActions.Awaiting(() => source.ConnectAsync().AsTask()).Should().ThrowAsync<IOException>();
        source.ConnectFailure = null;
        await source.ConnectAsync();

        states.Should().Equal(ConnectionState.Connecting, ConnectionState.Disconnected, ConnectionState.Connecting, ConnectionState.Connected);
    }

    [Fact]
    public async Task ConnectAsync_WhileConnecting_Throws()
    {
        var gate = new TaskCompletionSource();
        await using var source = new ScriptedSource(_logs) { ConnectGate = gate.Task };
        var first = source.ConnectAsync().AsTask();

        await FluentActions.Awaiting(() => source.ConnectAsync().AsTask()).Should().ThrowAsync<InvalidOperationException>();

        gate.SetResult();
        await first;
        source.State.Should().Be(ConnectionState.Connected);
    }

    [Fact]
    public async Task ReadAndSend_BeforeConnect_Throw()
    {
        await using var source = new ScriptedSource(_logs);

        await FluentActions.Awaiting(() => source.ReadEventsAsync().ToListAsync().AsTask()).Should().ThrowAsync<InvalidOperationException>();
        FluentActions.Invoking(() => source.SendAsync(new OutgoingMessage { Channel = "c", Text = "t" })).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public async Task ReadEventsAsync_SecondReaderWhileFirstReads_Throws()
    {
        await using var source = new ScriptedSource(_logs);
        await source.ConnectAsync();
        await using var first = source.ReadEventsAsync().GetAsyncEnumerator();
        var waiting = first.MoveNextAsync();

        await FluentActions.Awaiting(() => source.ReadEventsAsync().ToListAsync().AsTask()).Should().ThrowAsync<InvalidOperationException>();

        source.Events.Writer.TryWrite(Message("alice", "hi"));
        (await waiting).Should().BeTrue("the first reader is unaffected");
    }

    [Fact]
    public async Task DisposeAsync_CoreReaderSeesDisposedResource_EnumerationEndsQuietly()
    {
        await using var source = new ScriptedSource(_logs) { ThrowDisposedOnDispose = true };
        await source.ConnectAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        var waiting = events.MoveNextAsync().AsTask();

        await source.DisposeAsync();

        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeFalse();
    }

    [Fact]
    public async Task StateChanged_HandlerThrows_StateStillChangesAndErrorIsLogged()
    {
        await using var source = new ScriptedSource(_logs);
        source.StateChanged += (_, _) => throw new InvalidOperationException("handler bug");

        await source.ConnectAsync();

        source.State.Should().Be(ConnectionState.Connected);
        _logs.Entries.Where(e => e.Level == LogLevel.Error).Should().HaveCount(2)
            .And.OnlyContain(e => e.Exception is InvalidOperationException && e.Message.Contains("StateChanged handler", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SetState_AfterClosed_ChangesNothing()
    {
        var source = new ScriptedSource(_logs);
        await source.ConnectAsync();
        await source.DisposeAsync();

        source.Set(ConnectionState.Reconnecting).Should().BeFalse();
        source.State.Should().Be(ConnectionState.Closed);
    }

    private sealed class ScriptedSource(ILoggerFactory logs) : ChatSourceBase(ChatPlatform.Twitch, PlatformLimits.Default, logs.CreateLogger("test"))
    {
        public Channel<ChatEvent> Events { get; } = Channel.CreateUnbounded<ChatEvent>();

        public Exception? ConnectFailure { get; set; }

        public Task ConnectGate { get; init; } = Task.CompletedTask;

        public bool ThrowDisposedOnDispose { get; init; }

        public bool Set(ConnectionState state) => SetState(state);

        protected override async ValueTask ConnectCoreAsync(CancellationToken cancellationToken)
        {
            await ConnectGate;
            if (ConnectFailure is { } failure)
            {
                throw failure;
            }
        }

        // Ignores the token, as a reader blocked on a socket would; only disposal of the "socket" frees it.
        protected override async IAsyncEnumerable<ChatEvent> ReadEventsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var token = ThrowDisposedOnDispose ? CancellationToken.None : cancellationToken;
            await foreach (var chatEvent in Events.Reader.ReadAllAsync(token))
            {
                yield return chatEvent;
            }
        }

        protected override ValueTask<SendResult> SendCoreAsync(OutgoingMessage message, CancellationToken cancellationToken) => ValueTask.FromResult(SendResult.Sent);

        protected override ValueTask DisposeCoreAsync()
        {
            if (ThrowDisposedOnDispose)
            {
                Events.Writer.TryComplete(new ObjectDisposedException("socket"));
            }

            return base.DisposeCoreAsync();
        }
    }
}
