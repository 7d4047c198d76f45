using System.Collections.Frozen;
using ChatBotKit.Engine;
using ChatBotKit.Filters;
using ChatBotKit.Prompting;
using ChatBotKit.RateLimiting;
using ChatBotKit.Sources;
using ChatBotKit.Speech;
using ChatBotKit.Streaming;
using ChatBotKit.Triggers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBotKit;

/// <summary>
/// Everything a bot is, frozen: names, personality, triggers, limits, filters and settings.
/// Made by <see cref="ChatBotBuilder.Build"/>; the engine runs one definition at a time and can
/// swap in a new one without losing channel state.
/// </summary>
public sealed class ChatBotDefinition
{
    internal ChatBotDefinition(ChatBotBuilder builder, IReadOnlyList<ITrigger> triggers)
    {
        Identity = new BotIdentity(builder.Name, [.. builder.Aliases]);
        Personality = builder.Personality;
        Facts = [.. builder.Facts];
        Triggers = triggers;
        RateLimits = builder.RateLimits with
        {
            PerUser = [.. builder.RateLimits.PerUser],
            PerChannel = [.. builder.RateLimits.PerChannel],
            Global = [.. builder.RateLimits.Global],
            RoleMultipliers = builder.RateLimits.RoleMultipliers.ToFrozenDictionary(),
        };
        FilterSettings = builder.FilterSettings with
        {
            BlockedWords = [.. builder.FilterSettings.BlockedWords],
            BlockedPatterns = [.. builder.FilterSettings.BlockedPatterns],
            Custom = [.. builder.FilterSettings.Custom],
        };
        Filters = new ResponseFilterChain(FilterSettings.CreateFilters());
        ContextWindowSize = builder.ContextWindowSize;
        ContextMaxAge = builder.ContextMaxAge;
        ChannelQueueCapacity = builder.ChannelQueueCapacity;
        MaxConcurrentLlmCalls = builder.MaxConcurrentLlmCalls;
        LlmTimeout = builder.LlmTimeout;
        LlmQueueWait = builder.LlmQueueWait;
        HandlerTimeout = builder.HandlerTimeout;
        FallbackReply = builder.FallbackReply;
        ChatClient = builder.ChatClient;
        IgnoredUsers = builder.IgnoredUsers.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        IgnoreOtherBots = builder.IgnoreOtherBots;
        KnownBots = builder.KnownBots.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        LoopLimits = builder.LoopLimits;
        Speaker = builder.Speaker;
        HealthChecks = [.. builder.HealthChecks];
        ReplyStreaming = builder.ReplyStreaming with { PauseWords = [.. builder.ReplyStreaming.PauseWords] };
        EmotionTags = [.. builder.EmotionTags.Distinct(StringComparer.OrdinalIgnoreCase)];
        Sources = [.. builder.Sources.Select(s => s with { Channels = [.. s.Channels] })];
        Observers = [.. builder.Observers, .. triggers.OfType<Events.IChatEventObserver>()];
        PromptLines = [.. builder.PromptLines];
        ControlPanels = [.. builder.ControlPanels];
    }

    /// <summary>The bot's name and aliases.</summary>
    public BotIdentity Identity { get; }

    /// <summary>The bot's character and reply length.</summary>
    public Personality Personality { get; }

    /// <summary>Facts about the channel or stream for the system prompt.</summary>
    public IReadOnlyList<string> Facts { get; }

    /// <summary>The triggers, in the order they are checked.</summary>
    public IReadOnlyList<ITrigger> Triggers { get; }

    /// <summary>How often the bot may reply.</summary>
    public RateLimitPolicy RateLimits { get; }

    /// <summary>The settings the filter chain was built from.</summary>
    public ResponseFilterSettings FilterSettings { get; }

    /// <summary>The filters every reply passes through.</summary>
    public ResponseFilterChain Filters { get; }

    /// <summary>How many lines of each channel the bot remembers.</summary>
    public int ContextWindowSize { get; }

    /// <summary>How long a line stays in the context window.</summary>
    public TimeSpan ContextMaxAge { get; }

    /// <summary>How many events may wait per channel before the oldest are dropped.</summary>
    public int ChannelQueueCapacity { get; }

    /// <summary>How many LLM calls one channel may have in flight.</summary>
    public int MaxConcurrentLlmCalls { get; }

    /// <summary>How long an LLM call may take before the fallback (or silence).</summary>
    public TimeSpan LlmTimeout { get; }

    /// <summary>How long a reply waits for one of the channel's LLM call slots before it gives up.</summary>
    public TimeSpan LlmQueueWait { get; }

    /// <summary>How long a reply handler may take before it is cancelled.</summary>
    public TimeSpan HandlerTimeout { get; }

    /// <summary>What to say when the LLM fails or times out; <see langword="null"/> means say nothing.</summary>
    public string? FallbackReply { get; }

    /// <summary>The LLM; <see langword="null"/> means the host decides (the offline responder by default).</summary>
    public IChatClient? ChatClient { get; }

    /// <summary>Logins whose messages the bot never answers.</summary>
    public IReadOnlySet<string> IgnoredUsers { get; }

    /// <summary>Whether messages from other bots (verified bot accounts and <see cref="KnownBots"/>) are ignored.</summary>
    public bool IgnoreOtherBots { get; }

    /// <summary>Logins of other chat bots.</summary>
    public IReadOnlySet<string> KnownBots { get; }

    /// <summary>When the bot pauses answering a user it is talking in circles with.</summary>
    public ReplyLoopLimits LoopLimits { get; }

    /// <summary>Speaks replies as they are written; <see langword="null"/> means chat only.</summary>
    public IReplySpeaker? Speaker { get; }

    /// <summary>Health checks of the parts the bot depends on (its voice…), shown under the bot in <c>/health</c>.</summary>
    public IReadOnlyList<HealthCheckRegistration> HealthChecks { get; }

    /// <summary>How LLM replies are cut into phrases while they stream.</summary>
    public PhraseBufferOptions ReplyStreaming { get; }

    /// <summary>The emotion tags the model may write (names without brackets); empty when none.</summary>
    public IReadOnlyList<string> EmotionTags { get; }

    /// <summary>What sees every event before the triggers decide: those added with <see cref="ChatBotBuilder.AddObserver"/>, then the triggers that observe.</summary>
    public IReadOnlyList<Events.IChatEventObserver> Observers { get; }

    /// <summary>Lines added to the system prompt when each reply is written (<see cref="ChatBotBuilder.AddPromptLine"/>).</summary>
    public IReadOnlyList<Func<Events.ChatEvent, string?>> PromptLines { get; }

    /// <summary>The platform connections the bot declares; the host opens them.</summary>
    public IReadOnlyList<ChatSourceRegistration> Sources { get; }

    /// <summary>The panels the bot's parts (voice, avatar) show on the web dashboard.</summary>
    public IReadOnlyList<Controls.IControlPanel> ControlPanels { get; }
}
