using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Sources;

namespace ChatBotKit.Benchmarks.Hosting;

/// <summary>An in-memory source the harness pushes events into; sends are discarded.</summary>
internal sealed class PushSource : IChatSource
{
    private readonly Channel<ChatEvent> _events = Channel.CreateUnbounded<ChatEvent>();

    public ChatPlatform Platform => ChatPlatform.Twitch;

    public PlatformLimits Limits => PlatformLimits.Default;

    public ConnectionState State { get; private set; }

    public ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        State = ConnectionState.Connected;
        return ValueTask.CompletedTask;
    }

    public void Push(ChatEvent chatEvent) => _events.Writer.TryWrite(chatEvent);

    public async IAsyncEnumerable<ChatEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in _events.Reader.ReadAllAsync(cancellationToken))
        {
            yield return e;
        }
    }

    public ValueTask<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default) => ValueTask.FromResult(SendResult.Sent);

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public ValueTask DisposeAsync()
    {
        State = ConnectionState.Closed;
        _events.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
