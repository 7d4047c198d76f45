using ChatBotKit.Events;
using ChatBotKit.Prompting;
using ChatBotKit.Triggers;

namespace ChatBotKit;

public sealed partial class ChatBotBuilder
{
    private readonly List<IChatEventObserver> _observers = [];
    private readonly List<Func<ChatEvent, string?>> _promptLines = [];

    /// <summary>What sees every event before the triggers decide (besides triggers that observe).</summary>
    public IReadOnlyList<IChatEventObserver> Observers => _observers;

    /// <summary>Lines added to the system prompt when each reply is written.</summary>
    public IReadOnlyList<Func<ChatEvent, string?>> PromptLines => _promptLines;

    /// <summary>Shows every event the bot reads to <paramref name="observer"/>, before the triggers decide.</summary>
    public ChatBotBuilder AddObserver(IChatEventObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Add(observer);
        return this;
    }

    /// <summary>
    /// Adds a line to the system prompt, written anew for each reply from the event being answered
    /// (<see langword="null"/> or empty: no line). Trusted text from the bot's author; keep it quick.
    /// </summary>
    public ChatBotBuilder AddPromptLine(Func<ChatEvent, string?> line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _promptLines.Add(line);
        return this;
    }

    /// <summary>Gives the bot a mood: events move it, time relaxes it, and each reply's prompt says how the bot feels.</summary>
    public ChatBotBuilder WithMood(BotMood mood)
    {
        ArgumentNullException.ThrowIfNull(mood);
        return AddObserver(mood).AddPromptLine(mood.PromptLine);
    }

    /// <summary>
    /// Starts talking about the next of <paramref name="topics"/> every <paramref name="interval"/> while
    /// chat is quiet (at most <paramref name="maxMessages"/> viewer messages since the last time), at
    /// <see cref="ReplyPriority.Idle"/>.
    /// </summary>
    public ChatBotBuilder OnIdleChatter(TimeSpan interval, IEnumerable<string> topics, int maxMessages = 0, string? instruction = null) =>
        AddTrigger(new IdleChatterTrigger(interval, topics)
        {
            Name = NextName("idle-chatter"),
            MaxMessages = maxMessages,
            Instruction = instruction ?? IdleChatterTrigger.DefaultInstruction,
        });

    /// <summary>Thanks a new follower through the LLM, at <see cref="ReplyPriority.Event"/>.</summary>
    public ChatBotBuilder OnFollow(string? instruction = null, TimeSpan? cooldown = null) =>
        OnChannelEvent(["follow"], instruction, cooldown, name: "follow");

    /// <summary>Thanks a subscriber (new, renewed or gifted) through the LLM, at <see cref="ReplyPriority.Event"/>.</summary>
    public ChatBotBuilder OnSubscription(string? instruction = null, TimeSpan? cooldown = null) =>
        OnChannelEvent(["subscription"], instruction, cooldown, name: "subscription");

    /// <summary>Welcomes a raid of at least <paramref name="minViewers"/> viewers through the LLM, at <see cref="ReplyPriority.Event"/>.</summary>
    public ChatBotBuilder OnRaid(int minViewers = 0, string? instruction = null, TimeSpan? cooldown = null) =>
        OnChannelEvent(["raid"], instruction, cooldown, e => e is ChannelRaided raid && raid.ViewerCount >= minViewers, "raid");

    /// <summary>Thanks a cheer of at least <paramref name="minBits"/> bits through the LLM, at <see cref="ReplyPriority.Event"/>.</summary>
    public ChatBotBuilder OnCheer(int minBits = 0, string? instruction = null, TimeSpan? cooldown = null) =>
        OnChannelEvent(["cheer"], instruction, cooldown, e => e is BitsCheered cheer && cheer.Bits >= minBits, "cheer");

    /// <summary>Answers channel events of the given kinds (<c>follow</c>, <c>super-chat</c>, …) through the LLM, at <see cref="ReplyPriority.Event"/>.</summary>
    public ChatBotBuilder OnChannelEvent(IEnumerable<string> kinds, string? instruction = null, TimeSpan? cooldown = null, Func<ChatEvent, bool>? when = null, string name = "channel-event") =>
        AddTrigger(new ChannelEventTrigger(kinds)
        {
            Name = NextName(name),
            Instruction = instruction ?? ChannelEventTrigger.DefaultInstruction,
            Cooldown = cooldown ?? TimeSpan.Zero,
            When = when,
        });

    /// <summary>
    /// Celebrates through the LLM when the count of <paramref name="countedKind"/> events reaches one of
    /// <paramref name="milestones"/>, such as the 10th follow of the stream, or, counting each user once,
    /// the 50th viewer who chatted (<c>OnMilestone("message", [50], "viewers who chatted", distinctUsers: true)</c>).
    /// Add it before other triggers that answer the same events.
    /// </summary>
    public ChatBotBuilder OnMilestone(string countedKind, IEnumerable<int> milestones, string? countName = null, bool distinctUsers = false, string? instruction = null) =>
        AddTrigger(new MilestoneTrigger(countedKind, milestones)
        {
            Name = NextName("milestone"),
            CountName = countName,
            DistinctUsers = distinctUsers,
            Instruction = instruction,
        });

    /// <summary>
    /// Lets the streamer steer the bot by hand, at <see cref="ReplyPriority.Streamer"/>:
    /// <c>!say &lt;text&gt;</c> says the text as it is (and speaks it, emotion tags included, when the
    /// bot has a voice) and <c>!react &lt;text&gt;</c> has the LLM react to it. Only
    /// <paramref name="requiredRoles"/> may use them (default the broadcaster; on the console, a line
    /// starting with <c>&gt;</c> comes from the broadcaster).
    /// </summary>
    public ChatBotBuilder OnStreamerInput(ChatRoles requiredRoles = ChatRoles.Broadcaster, string sayCommand = "say", string reactCommand = "react")
    {
        AddTrigger(new CommandTrigger(sayCommand)
        {
            Name = NextName(sayCommand),
            RequiredRoles = requiredRoles,
            Priority = ReplyPriority.Streamer,
            Responder = new TriggerResponder
            {
                Handler = (context, _) => ValueTask.FromResult(context.Command?.ArgumentText is { Length: > 0 } text ? text : null),
                SpeaksHandlerReply = true,
            },
        });
        return AddTrigger(new CommandTrigger(reactCommand)
        {
            Name = NextName(reactCommand),
            RequiredRoles = requiredRoles,
            Priority = ReplyPriority.Streamer,
            Instruction = $"The streamer asked you, with !{reactCommand}, to react to the words after the command. React in character, briefly, speaking to chat.",
        });
    }
}
