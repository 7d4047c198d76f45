namespace ChatBotKit.Triggers;

/// <summary>The names the bot answers to.</summary>
public sealed record BotIdentity
{
    /// <summary>Creates an identity.</summary>
    public BotIdentity(string name, IReadOnlyList<string>? aliases = null)
    {
        Name = name;
        Aliases = aliases ?? [];
    }

    /// <summary>The bot's name (its login on the platforms).</summary>
    public string Name { get; }

    /// <summary>Other names viewers use for the bot.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Whether <paramref name="login"/> is the bot itself.</summary>
    public bool IsSelf(string login) => string.Equals(login, Name, StringComparison.OrdinalIgnoreCase);
}
