using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.Filters;
using ChatBotKit.Prompting;
using ChatBotKit.RateLimiting;
using ChatBotKit.Speech;
using ChatBotKit.Triggers;
using Microsoft.Extensions.AI;

namespace ChatBotKit;

/// <summary>
/// Describes a bot, fluently. The same builder is what a <c>bot.csx</c> script calls and what an
/// app configures; <see cref="Build"/> validates everything and freezes it into a
/// <see cref="ChatBotDefinition"/>.
/// </summary>
public sealed partial class ChatBotBuilder
{
    private readonly List<ITrigger> _triggers = [];
    private readonly List<string> _aliases = [];
    private readonly List<string> _facts = [];
    private readonly List<string> _ignoredUsers = [];

    /// <summary>Starts a bot called <paramref name="name"/>.</summary>
    public ChatBotBuilder(string name = "bot") => Name = name;

    /// <summary>The bot's name (its login on the platforms).</summary>
    public string Name { get; private set; }

    /// <summary>Other names viewers use for the bot.</summary>
    public IReadOnlyList<string> Aliases => _aliases;

    /// <summary>Facts about the channel or stream for the system prompt.</summary>
    public IReadOnlyList<string> Facts => _facts;

    /// <summary>The triggers added so far, in order.</summary>
    public IReadOnlyList<ITrigger> Triggers => _triggers;

    /// <summary>Logins whose messages the bot never answers.</summary>
    public IReadOnlyList<string> IgnoredUsers => _ignoredUsers;

    /// <summary>The bot's character. Default <see cref="Personality.Friendly"/>.</summary>
    public Personality Personality { get; private set; } = Personality.Friendly;

    /// <summary>Rate limits. Default <see cref="RateLimitPolicy.Default"/>.</summary>
    public RateLimitPolicy RateLimits { get; private set; } = RateLimitPolicy.Default;

    /// <summary>Filter settings. Default <see cref="ResponseFilterSettings.Default"/>.</summary>
    public ResponseFilterSettings FilterSettings { get; private set; } = ResponseFilterSettings.Default;

    /// <summary>Lines remembered per channel. Default 50.</summary>
    public int ContextWindowSize { get; private set; } = 50;

    /// <summary>How long a line is remembered. Default 30 minutes.</summary>
    public TimeSpan ContextMaxAge { get; private set; } = TimeSpan.FromMinutes(30);

    /// <summary>Events that may wait per channel before the oldest are dropped. Default 256.</summary>
    public int ChannelQueueCapacity { get; private set; } = 256;

    /// <summary>LLM calls one channel may have in flight. Default 2.</summary>
    public int MaxConcurrentLlmCalls { get; private set; } = 2;

    /// <summary>How long an LLM call may take. Default 30 seconds.</summary>
    public TimeSpan LlmTimeout { get; private set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a reply may wait for one of the channel's LLM call slots before it gives up. Default 5 seconds.</summary>
    public TimeSpan LlmQueueWait { get; private set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a reply handler may take. Default 10 seconds.</summary>
    public TimeSpan HandlerTimeout { get; private set; } = TimeSpan.FromSeconds(10);

    /// <summary>What to say when the LLM fails; <see langword="null"/> (the default) says nothing.</summary>
    public string? FallbackReply { get; private set; }

    /// <summary>The LLM; <see langword="null"/> lets the host choose.</summary>
    public IChatClient? ChatClient { get; private set; }

    /// <summary>Whether other bots are ignored: verified bot accounts and <see cref="KnownBots"/>. Default <see langword="true"/>.</summary>
    public bool IgnoreOtherBots { get; private set; } = true;

    /// <summary>Logins of other chat bots, ignored while <see cref="IgnoreOtherBots"/> is on. Default <see cref="KnownChatBots.Default"/>.</summary>
    public IReadOnlyList<string> KnownBots { get; private set; } = KnownChatBots.Default;

    /// <summary>When the bot pauses answering a user it is talking in circles with. Default <see cref="ReplyLoopLimits.Default"/>.</summary>
    public ReplyLoopLimits LoopLimits { get; private set; } = ReplyLoopLimits.Default;

    /// <summary>Speaks replies as they are written; <see langword="null"/> (the default) means chat only.</summary>
    public IReplySpeaker? Speaker { get; private set; }

    /// <summary>Sets the bot's name.</summary>
    public ChatBotBuilder WithName(string name)
    {
        Name = name;
        return this;
    }

    /// <summary>Adds names viewers may use for the bot.</summary>
    public ChatBotBuilder WithAliases(params IEnumerable<string> aliases)
    {
        _aliases.AddRange(aliases);
        return this;
    }

    /// <summary>Sets the bot's character.</summary>
    public ChatBotBuilder WithPersonality(Personality personality)
    {
        ArgumentNullException.ThrowIfNull(personality);
        Personality = personality;
        return this;
    }

    /// <summary>Sets the bot's character from a preset.</summary>
    public ChatBotBuilder WithPersonality(PersonalityPreset preset, ResponseLength length = ResponseLength.Short, string? instructions = null) =>
        WithPersonality(new Personality { Preset = preset, Length = length, CustomInstructions = instructions });

    /// <summary>Adds facts about the channel or stream to the system prompt.</summary>
    public ChatBotBuilder WithFacts(params IEnumerable<string> facts)
    {
        _facts.AddRange(facts);
        return this;
    }

    /// <summary>Sets the LLM the bot talks to.</summary>
    public ChatBotBuilder UseChatClient(IChatClient chatClient)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ChatClient = chatClient;
        return this;
    }

    /// <summary>Replaces the rate limits.</summary>
    public ChatBotBuilder WithRateLimits(RateLimitPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        RateLimits = policy;
        return this;
    }

    /// <summary>Changes the rate limits, for example <c>r =&gt; r with { MinimumGap = TimeSpan.Zero }</c>.</summary>
    public ChatBotBuilder WithRateLimits(Func<RateLimitPolicy, RateLimitPolicy> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return WithRateLimits(configure(RateLimits));
    }

    /// <summary>Changes the filter settings, for example <c>f =&gt; f with { BlockedWords = ["spoiler"] }</c>.</summary>
    public ChatBotBuilder WithFilters(Func<ResponseFilterSettings, ResponseFilterSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        FilterSettings = configure(FilterSettings) ?? throw new ArgumentException("The filter settings callback returned null.", nameof(configure));
        return this;
    }

    /// <summary>Adds a filter of your own to the chain.</summary>
    public ChatBotBuilder AddFilter(IResponseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        FilterSettings = FilterSettings with { Custom = [.. FilterSettings.Custom, filter] };
        return this;
    }

    /// <summary>Sets how much of each channel the bot remembers.</summary>
    public ChatBotBuilder WithContextWindow(int size, TimeSpan? maxAge = null)
    {
        ContextWindowSize = size;
        ContextMaxAge = maxAge ?? ContextMaxAge;
        return this;
    }

    /// <summary>Sets how many events may wait per channel before the oldest are dropped.</summary>
    public ChatBotBuilder WithChannelQueue(int capacity)
    {
        ChannelQueueCapacity = capacity;
        return this;
    }

    /// <summary>
    /// Sets the LLM call timeout, how many calls one channel may have in flight, and how long a reply
    /// waits for a free call before the bot gives up on it.
    /// </summary>
    public ChatBotBuilder WithLlmLimits(TimeSpan? timeout = null, int? maxConcurrentCalls = null, TimeSpan? queueWait = null)
    {
        LlmTimeout = timeout ?? LlmTimeout;
        MaxConcurrentLlmCalls = maxConcurrentCalls ?? MaxConcurrentLlmCalls;
        LlmQueueWait = queueWait ?? LlmQueueWait;
        return this;
    }

    /// <summary>Sets how long a reply handler may run before it is cancelled.</summary>
    public ChatBotBuilder WithHandlerTimeout(TimeSpan timeout)
    {
        HandlerTimeout = timeout;
        return this;
    }

    /// <summary>Sets what the bot says when the LLM fails or times out (<see langword="null"/>: nothing).</summary>
    public ChatBotBuilder WithFallbackReply(string? reply)
    {
        FallbackReply = reply;
        return this;
    }

    /// <summary>Never answers these logins.</summary>
    public ChatBotBuilder WithIgnoredUsers(params IEnumerable<string> logins)
    {
        _ignoredUsers.AddRange(logins);
        return this;
    }

    /// <summary>Whether to ignore other bots: verified bot accounts and <see cref="KnownBots"/> (default yes, so two bots never talk in circles).</summary>
    public ChatBotBuilder WithOtherBotsIgnored(bool ignore = true)
    {
        IgnoreOtherBots = ignore;
        return this;
    }

    /// <summary>Replaces the list of other bots' logins (<see cref="KnownChatBots.Default"/>), e.g. to add a channel's own helper bot.</summary>
    public ChatBotBuilder WithKnownBots(params IEnumerable<string> logins)
    {
        KnownBots = [.. logins];
        return this;
    }

    /// <summary>Sets when the bot pauses answering a user it is talking in circles with (<see cref="ReplyLoopLimits.Off"/> turns it off).</summary>
    public ChatBotBuilder WithLoopLimits(ReplyLoopLimits limits)
    {
        LoopLimits = limits ?? throw new ArgumentNullException(nameof(limits));
        return this;
    }

    /// <summary>Speaks every reply through <paramref name="speaker"/> while it is posted to chat (<see langword="null"/> turns speech off).</summary>
    public ChatBotBuilder WithSpeaker(IReplySpeaker? speaker)
    {
        Speaker = speaker;
        return this;
    }

    /// <summary>Validates every setting and freezes the bot.</summary>
    /// <exception cref="ChatBotConfigurationException">A setting is invalid; its <see cref="ChatBotConfigurationException.Setting"/> names it.</exception>
    public ChatBotDefinition Build()
    {
        Validate();
        return new ChatBotDefinition(this, [.. _triggers]);
    }
}
