using ChatBotKit.Events;
using ChatBotKit.Sources;

namespace ChatBotKit.Tests.Sources;

/// <summary>
/// What every chat source must do: connect, receive what arrives on its native input, send to its
/// native output, stop reading promptly when cancelled, close on dispose (twice is safe) and keep
/// its stream going across a reconnect. A connector's test class derives from this and supplies the
/// native side (a console line, a log line, an IRC server, a NATS server).
/// </summary>
public abstract class ChatSourceConformanceTests<TSource> : IAsyncLifetime
    where TSource : ChatSourceBase
{
    /// <summary>How long a test waits for something that should happen at once; a guard against hangs, not a speed target.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly List<TSource> _sources = [];

    /// <summary>The channel that messages pushed by <see cref="PushMessageAsync"/> arrive in.</summary>
    protected abstract string Channel { get; }

    /// <summary>
    /// Whether the source can lose its connection and get it back. A local source cannot: for it a
    /// second <see cref="IChatSource.ConnectAsync"/> changes nothing and the stream simply goes on.
    /// </summary>
    protected virtual bool CanLoseConnection => false;

    /// <summary>Creates a source, not yet connected, wired to a fresh native input and output.</summary>
    protected abstract TSource CreateSource();

    /// <summary>Makes a viewer message arrive on the source's native input.</summary>
    protected abstract Task PushMessageAsync(string user, string text);

    /// <summary>Waits for the next message on the source's native output and returns its text.</summary>
    protected abstract Task<string> ReadSentTextAsync();

    /// <summary>Breaks the connection from the far side (closes the server's socket, restarts the server).</summary>
    protected virtual Task DropConnectionAsync(TSource source) => throw new NotSupportedException("Local sources have no connection to lose.");

    [Fact]
    public async Task ConnectAsync_NewSource_GoesThroughConnectingToConnected()
    {
        var source = NewSource();
        var recorder = Record(source);
        source.State.Should().Be(ConnectionState.Disconnected);

        await source.ConnectAsync();

        source.State.Should().Be(ConnectionState.Connected);
        recorder.States.Should().Equal(ConnectionState.Connecting, ConnectionState.Connected);
        source.Limits.MaxMessageLength.Should().BePositive();
    }

    [Fact]
    public async Task ReadEventsAsync_MessageOnNativeInput_ArrivesAsMessageReceived()
    {
        var source = await ConnectedSourceAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();

        await PushMessageAsync("alice", "hello there");

        var message = await NextMessageAsync(events);
        message.User.Login.Should().Be("alice");
        message.Text.Should().Be("hello there");
        message.Platform.Should().Be(source.Platform);
        message.Channel.Should().Be(Channel);
    }

    [Fact]
    public async Task SendAsync_Message_AppearsOnNativeOutput()
    {
        var source = await ConnectedSourceAsync();

        await source.SendAsync(Outgoing("hi chat"));

        (await ReadSentTextAsync()).Should().Be("hi chat");
    }

    [Fact]
    public async Task SendAsync_Concurrently_EveryMessageArrivesWhole()
    {
        var source = await ConnectedSourceAsync();
        var texts = Enumerable.Range(1, 20).Select(i => $"message number {i}").ToList();

        await Task.WhenAll(texts.Select(text => Task.Run(async () => await source.SendAsync(Outgoing(text)))));

        var received = new List<string>();
        foreach (var _ in texts)
        {
            received.Add(await ReadSentTextAsync());
        }

        received.Should().BeEquivalentTo(texts);
    }

    [Fact]
    public Task ReadEventsAsync_Cancelled_ThrowsPromptlyAndLosesNothing() => WithHangGuard(async () =>
    {
        var source = await ConnectedSourceAsync();
        using var cts = new CancellationTokenSource();
        var events = source.ReadEventsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var waiting = events.MoveNextAsync().AsTask();
        waiting.IsCompleted.Should().BeFalse("nothing has arrived yet");

        await cts.CancelAsync();

        await FluentActions.Awaiting(() => waiting.WaitAsync(Patience)).Should().ThrowAsync<OperationCanceledException>();
        await events.DisposeAsync();
        await using var again = source.ReadEventsAsync().GetAsyncEnumerator();
        await PushMessageAsync("bob", "still here");
        (await NextMessageAsync(again)).Text.Should().Be("still here");
    });

    [Fact]
    public Task DisposeAsync_WhileReading_EndsReadingAndCloses() => WithHangGuard(async () =>
    {
        var source = await ConnectedSourceAsync();
        var recorder = Record(source);
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        var waiting = events.MoveNextAsync().AsTask();

        await source.DisposeAsync();

        (await waiting.WaitAsync(Patience)).Should().BeFalse("disposal ends the stream quietly");
        source.State.Should().Be(ConnectionState.Closed);
        recorder.States.Should().Equal(ConnectionState.Closed);
    });

    [Fact]
    public async Task DisposeAsync_Twice_IsSafeAndLaterUseIsRejected()
    {
        var source = await ConnectedSourceAsync();
        var recorder = Record(source);

        await source.DisposeAsync();
        await source.DisposeAsync();

        recorder.States.Should().Equal(ConnectionState.Closed);
        await FluentActions.Awaiting(() => source.ConnectAsync().AsTask()).Should().ThrowAsync<ObjectDisposedException>();
        await FluentActions.Awaiting(() => source.SendAsync(Outgoing("late")).AsTask()).Should().ThrowAsync<ObjectDisposedException>();
        (await source.ReadEventsAsync().ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Reconnect_AfterConnectionLossOrRepeatedConnect_SameStreamGoesOn()
    {
        var source = await ConnectedSourceAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        await PushMessageAsync("alice", "before");
        (await NextMessageAsync(events)).Text.Should().Be("before");
        var recorder = Record(source);

        if (CanLoseConnection)
        {
            await DropConnectionAsync(source);
            await recorder.WaitForAsync(ConnectionState.Connected);
            recorder.States.Should().StartWith(ConnectionState.Reconnecting);
        }
        else
        {
            await source.ConnectAsync();
            recorder.States.Should().BeEmpty("connecting a connected local source changes nothing");
        }

        source.State.Should().Be(ConnectionState.Connected);
        await PushMessageAsync("bob", "after");
        (await NextMessageAsync(events)).Text.Should().Be("after");
    }

    [Fact]
    public async Task GetService_OwnTypeWithoutKey_ReturnsTheSource()
    {
        var source = await ConnectedSourceAsync();

        source.GetService(typeof(TSource)).Should().BeSameAs(source);
        source.GetService(typeof(IChatSource)).Should().BeSameAs(source);
        source.GetService(typeof(TSource), "key").Should().BeNull();
        source.GetService(typeof(string)).Should().BeNull();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }

        await DisposeServerAsync();
    }

    /// <summary>Stops what the connector's test class started (a fake server), after every source is disposed.</summary>
    protected virtual Task DisposeServerAsync() => Task.CompletedTask;

    /// <summary>A message to send on <see cref="Channel"/>.</summary>
    protected OutgoingMessage Outgoing(string text) => new()
    {
        Channel = Channel,
        Text = text,
        ReplyToId = "m1",
        Trigger = "mention",
        Timestamp = Fakes.Events.Start,
    };

    /// <summary>Creates a source that is disposed after the test.</summary>
    protected TSource NewSource()
    {
        var source = CreateSource();
        _sources.Add(source);
        return source;
    }

    protected async Task<TSource> ConnectedSourceAsync()
    {
        var source = NewSource();
        await source.ConnectAsync();
        return source;
    }

    protected static async Task<MessageReceived> NextMessageAsync(IAsyncEnumerator<ChatEvent> events)
    {
        (await events.MoveNextAsync().AsTask().WaitAsync(Patience)).Should().BeTrue("a message should arrive");
        return events.Current.Should().BeOfType<MessageReceived>().Subject;
    }

    /// <summary>
    /// Runs <paramref name="test"/> on the thread pool with a time limit, so that a source whose
    /// <c>MoveNextAsync</c> blocks its caller (rather than returning a pending task) fails the test
    /// instead of hanging the run.
    /// </summary>
    protected static Task WithHangGuard(Func<Task> test) => Task.Run(test).WaitAsync(3 * Patience);

    protected static StateRecorder Record(ChatSourceBase source) => new(source);

    /// <summary>Keeps every state a source moves to, in order.</summary>
    protected sealed class StateRecorder
    {
        private readonly Lock _gate = new();
        private readonly List<ConnectionState> _states = [];
        private readonly SemaphoreSlim _changed = new(0);

        public StateRecorder(ChatSourceBase source) => source.StateChanged += (_, e) =>
        {
            lock (_gate)
            {
                _states.Add(e.Current);
            }

            _changed.Release();
        };

        public IReadOnlyList<ConnectionState> States
        {
            get
            {
                lock (_gate)
                {
                    return [.. _states];
                }
            }
        }

        public async Task WaitForAsync(ConnectionState state)
        {
            while (!States.Contains(state))
            {
                (await _changed.WaitAsync(Patience)).Should().BeTrue($"the source should reach {state}");
            }
        }
    }
}
