using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Sources;

namespace ChatBotKit.Tests.Fakes;

/// <summary>An in-memory source: tests push events in and read what the bot sent.</summary>
public sealed class FakeChatSource : IChatSource
{
    private readonly Channel<ChatEvent> _events = Channel.CreateUnbounded<ChatEvent>();
    private readonly ConcurrentQueue<OutgoingMessage> _sent = new();
    private readonly SemaphoreSlim _sentSignal = new(0);

    public FakeChatSource(ChatPlatform? platform = null) => Platform = platform ?? ChatPlatform.Twitch;

    public ChatPlatform Platform { get; }

    public PlatformLimits Limits { get; set; } = PlatformLimits.Default;

    public ConnectionState State { get; private set; }

    public Func<OutgoingMessage, Task>? OnSend { get; set; }

    public IReadOnlyList<OutgoingMessage> Sent => [.. _sent];

    public ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        State = ConnectionState.Connected;
        return ValueTask.CompletedTask;
    }

    public void Push(ChatEvent chatEvent) => _events.Writer.TryWrite(chatEvent);

    public void End() => _events.Writer.TryComplete();

    public async IAsyncEnumerable<ChatEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var chatEvent in _events.Reader.ReadAllAsync(cancellationToken))
        {
            yield return chatEvent;
        }
    }

    /// <summary>What <see cref="SendAsync"/> answers; a dropped result records nothing as sent.</summary>
    public SendResult SendResult { get; set; } = SendResult.Sent;

    public async ValueTask<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        if (OnSend is { } onSend)
        {
            await onSend(message);
        }

        if (SendResult.IsAccepted)
        {
            _sent.Enqueue(message);
            _sentSignal.Release();
        }

        return SendResult;
    }

    public async Task<IReadOnlyList<OutgoingMessage>> WaitForSentAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (_sent.Count < count)
        {
            await _sentSignal.WaitAsync(cts.Token);
        }

        return Sent;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public ValueTask DisposeAsync()
    {
        State = ConnectionState.Closed;
        _events.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
