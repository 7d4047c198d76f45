using ChatBotKit.Events;
using ChatBotKit.Triggers;

namespace ChatBotKit;

public sealed partial class ChatBotBuilder
{
    /// <summary>Adds a trigger of your own (or a built-in one configured by hand).</summary>
    public ChatBotBuilder AddTrigger(ITrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        _triggers.Add(trigger);
        return this;
    }

    /// <summary>Replies through the LLM when a viewer names the bot or an alias.</summary>
    public ChatBotBuilder OnMention(TimeSpan? cooldown = null, double probability = 1, string? instruction = null) =>
        AddTrigger(new MentionTrigger { Name = NextName("mention"), Cooldown = cooldown ?? TimeSpan.Zero, Probability = probability, Instruction = instruction });

    /// <summary>Replies through the LLM when a message contains one of the words or phrases.</summary>
    public ChatBotBuilder OnKeywords(IEnumerable<string> keywords, TimeSpan? cooldown = null, double probability = 1, string? instruction = null) =>
        AddTrigger(new KeywordTrigger(keywords) { Name = NextName("keyword"), Cooldown = cooldown ?? TimeSpan.Zero, Probability = probability, Instruction = instruction });

    /// <summary>Replies through the LLM when a message matches <paramref name="pattern"/>.</summary>
    public ChatBotBuilder OnRegex(string pattern, TimeSpan? cooldown = null, double probability = 1, string? instruction = null) =>
        AddTrigger(new RegexTrigger(pattern) { Name = NextName("regex"), Cooldown = cooldown ?? TimeSpan.Zero, Probability = probability, Instruction = instruction });

    /// <summary>Answers a command (<c>!name</c>) with <paramref name="handler"/>, without the LLM.</summary>
    public ChatBotBuilder OnCommand(string name, Func<ReplyContext, string?> handler, ChatRoles requiredRoles = ChatRoles.None, TimeSpan? cooldown = null, string prefix = "!")
    {
        ArgumentNullException.ThrowIfNull(handler);
        return OnCommand(name, (context, _) => ValueTask.FromResult(handler(context)), requiredRoles, cooldown, prefix);
    }

    /// <summary>Answers a command (<c>!name</c>) with an asynchronous <paramref name="handler"/>, without the LLM.</summary>
    public ChatBotBuilder OnCommand(string name, ReplyHandler handler, ChatRoles requiredRoles = ChatRoles.None, TimeSpan? cooldown = null, string prefix = "!")
    {
        ArgumentNullException.ThrowIfNull(handler);
        return AddTrigger(new CommandTrigger(name) { Name = NextName(name), Handler = handler, RequiredRoles = requiredRoles, Cooldown = cooldown ?? TimeSpan.Zero, Prefix = prefix });
    }

    /// <summary>Answers a command (<c>!name</c>) through the LLM, following <paramref name="instruction"/>.</summary>
    public ChatBotBuilder OnCommand(string name, string instruction, ChatRoles requiredRoles = ChatRoles.None, TimeSpan? cooldown = null, string prefix = "!") =>
        AddTrigger(new CommandTrigger(name) { Name = NextName(name), Instruction = instruction, RequiredRoles = requiredRoles, Cooldown = cooldown ?? TimeSpan.Zero, Prefix = prefix });

    /// <summary>Answers every private message through the LLM.</summary>
    public ChatBotBuilder OnPrivateMessage(TimeSpan? cooldown = null, string? instruction = null) =>
        AddTrigger(new PrivateMessageTrigger { Name = NextName("private-message"), Cooldown = cooldown ?? TimeSpan.Zero, Instruction = instruction });

    /// <summary>Chimes in now and then: with <paramref name="probability"/> per message, once <paramref name="minMessagesSinceBot"/> messages passed since the bot spoke.</summary>
    public ChatBotBuilder OnAmbient(double probability = 0.05, int minMessagesSinceBot = 10, TimeSpan? cooldown = null, string? instruction = null) =>
        AddTrigger(new AmbientTrigger { Name = NextName("ambient"), Probability = probability, MinMessagesSinceBot = minMessagesSinceBot, Cooldown = cooldown ?? TimeSpan.Zero, Instruction = instruction });

    /// <summary>Speaks through the LLM every <paramref name="interval"/> while chat has had at least <paramref name="minMessages"/> messages since the last time.</summary>
    public ChatBotBuilder OnTimer(TimeSpan interval, string instruction, int minMessages = 5) =>
        AddTrigger(new TimerTrigger(interval) { Name = NextName("timer"), Instruction = instruction, MinMessages = minMessages });

    /// <summary>Says what <paramref name="handler"/> returns every <paramref name="interval"/> while chat has had at least <paramref name="minMessages"/> messages since the last time.</summary>
    public ChatBotBuilder OnTimer(TimeSpan interval, Func<ReplyContext, string?> handler, int minMessages = 5)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return AddTrigger(new TimerTrigger(interval) { Name = NextName("timer"), Handler = (context, _) => ValueTask.FromResult(handler(context)), MinMessages = minMessages });
    }

    /// <summary>Comments through the LLM when the media playing in the channel changes.</summary>
    public ChatBotBuilder OnMediaChange(TimeSpan? cooldown = null, string? instruction = null) =>
        AddTrigger(new MediaChangeTrigger
        {
            Name = NextName("media-change"),
            Cooldown = cooldown ?? TimeSpan.Zero,
            Instruction = instruction ?? MediaChangeTrigger.DefaultInstruction,
        });

    /// <summary>Lets the LLM decide, at most once per <paramref name="interval"/> per channel, whether to join the conversation.</summary>
    public ChatBotBuilder OnContextual(TimeSpan? interval = null, int minMessagesSinceBot = 5, string? instruction = null) =>
        AddTrigger(new ContextualTrigger
        {
            Name = NextName("contextual"),
            Cooldown = interval ?? ContextualTrigger.DefaultInterval,
            MinMessagesSinceBot = minMessagesSinceBot,
            Instruction = instruction,
        });

    private string NextName(string kind)
    {
        var name = kind;
        for (var n = 2; _triggers.Exists(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)); n++)
        {
            name = $"{kind}-{n}";
        }

        return name;
    }
}
