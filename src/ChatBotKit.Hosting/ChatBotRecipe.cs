namespace ChatBotKit.Hosting;

/// <summary>
/// How a bot registered with <c>AddChatBot</c> is described again on a reload: its configure delegate
/// run on a fresh builder. A builder changed after <c>AddChatBot</c> returned holds settings the
/// delegate does not make, so such a bot cannot be rebuilt; <see cref="WhyNotRebuildable"/> says so
/// rather than let a reload drop them.
/// </summary>
internal sealed class ChatBotRecipe
{
    private readonly Action<ChatBotBuilder> _configure;
    private readonly ChatBotBuilder _registered;
    private readonly object?[] _afterConfigure;

    /// <summary>Remembers <paramref name="registered"/> as <paramref name="configure"/> left it.</summary>
    public ChatBotRecipe(Action<ChatBotBuilder>? configure, ChatBotBuilder registered)
    {
        _configure = configure ?? (_ => { });
        _registered = registered;
        _afterConfigure = Snapshot(registered);
    }

    /// <summary><see langword="null"/> when <see cref="Build"/> describes the bot fully, else the reason.</summary>
    public string? WhyNotRebuildable =>
        Snapshot(_registered).SequenceEqual(_afterConfigure)
            ? null
            : "its builder was changed after AddChatBot returned, and a reload re-runs only the delegate given to AddChatBot; describe the bot inside that delegate to have it rebuilt";

    /// <summary>Runs the delegate on a new builder (reading the configuration as it is now) and validates the result.</summary>
    /// <exception cref="ChatBotConfigurationException">A setting is invalid.</exception>
    public ChatBotDefinition Build()
    {
        var builder = new ChatBotBuilder();
        _configure(builder);
        return builder.Build();
    }

    // Lists on the builder only grow, so their counts show any addition; the rest compare by value.
    private static object?[] Snapshot(ChatBotBuilder b) =>
    [
        b.Name, b.Aliases.Count, b.Facts.Count, b.Triggers.Count, b.IgnoredUsers.Count, b.Sources.Count,
        b.Personality, b.RateLimits, b.FilterSettings, b.ContextWindowSize, b.ContextMaxAge, b.ChannelQueueCapacity,
        b.MaxConcurrentLlmCalls, b.LlmTimeout, b.LlmQueueWait, b.HandlerTimeout, b.FallbackReply, b.ChatClient, b.IgnoreOtherBots,
        b.KnownBots, b.LoopLimits,
    ];
}
