using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.RateLimiting;
using ChatBotKit.Sources;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Benchmarks;

/// <summary>The bot, responder, source and chat traffic every benchmark shares.</summary>
internal static class BenchBot
{
    /// <summary>
    /// The default bot: mention (LLM) and !dice (handler) triggers, the standard filter chain and
    /// the default rate limits, unless <paramref name="unlimited"/> lifts the limits (and the reply-loop
    /// pause, which synthetic traffic at thousands of messages a second from 500 viewers would trip).
    /// </summary>
    public static ChatBotDefinition Definition(IChatClient client, bool unlimited = false, int queueCapacity = 256)
    {
        var builder = new ChatBotBuilder("kit")
            .WithAliases("kitbot")
            .WithChannelQueue(queueCapacity)
            .UseChatClient(client)
            .OnMention()
            .OnCommand("dice", ctx => $"🎲 {ctx.Random.Next(1, 7)}");
        return (unlimited ? builder.WithRateLimits(RateLimitPolicy.Unlimited).WithLoopLimits(ReplyLoopLimits.Off) : builder).Build();
    }

    /// <summary><paramref name="count"/> chat messages over <paramref name="channels"/> channels; every <paramref name="mentionEvery"/>-th mentions the bot (0: never).</summary>
    public static MessageReceived[] Traffic(int count, int channels, int mentionEvery)
    {
        var users = Enumerable.Range(0, 500).Select(i => ChatUser.Named($"viewer{i}")).ToArray();
        var names = Enumerable.Range(0, channels).Select(i => $"channel{i}").ToArray();
        var start = new DateTimeOffset(2026, 1, 1, 20, 0, 0, TimeSpan.Zero);
        return
        [
            .. Enumerable.Range(0, count).Select(i => new MessageReceived
            {
                Platform = ChatPlatform.Twitch,
                Channel = names[i % channels],
                User = users[i % users.Length],
                Text = mentionEvery > 0 && i % mentionEvery == 0
                    ? $"hey @kit what do you think about run number {i}?"
                    : $"that jump at {i % 97} was so clean, gg everyone",
                Id = $"m{i}",
                Timestamp = start,
            }),
        ];
    }
}

/// <summary>An LLM that answers at once, cycling through replies different enough to pass the duplicate filter.</summary>
internal sealed class InstantChatClient : IChatClient
{
    private static readonly Task<ChatResponse>[] Replies =
    [
        .. new[]
        {
            "Great question! That run was really fun to watch.",
            "Honestly the second split decides everything here.",
            "I would pick the blue route, it saves a few seconds.",
            "Chat, hydrate and stretch, we have a long stream ahead.",
            "That boss fight looked brutal but clean.",
            "No idea, but I love the energy in here tonight.",
            "The soundtrack in this level is underrated.",
            "Let us see if the next attempt beats the record!",
        }.Select(text => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)))),
    ];

    private int _next;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Replies[(Interlocked.Increment(ref _next) & int.MaxValue) % Replies.Length];

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The engine streams its LLM replies: the whole reply as one update, at once.
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

/// <summary>A source that drops what the bot sends, optionally signalling each send.</summary>
internal sealed class SinkSource : IChatSource
{
    public Action<OutgoingMessage>? Sent { get; set; }

    public long SentCount;

    public ChatPlatform Platform => ChatPlatform.Twitch;

    public PlatformLimits Limits { get; init; } = PlatformLimits.Default;

    public ConnectionState State => ConnectionState.Connected;

    public ValueTask ConnectAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public IAsyncEnumerable<ChatEvent> ReadEventsAsync(CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<ChatEvent>();

    public ValueTask<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref SentCount);
        Sent?.Invoke(message);
        return ValueTask.FromResult(SendResult.Sent);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
