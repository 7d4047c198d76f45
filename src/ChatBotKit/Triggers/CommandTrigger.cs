using ChatBotKit.Events;

namespace ChatBotKit.Triggers;

/// <summary>
/// Fires on a chat command such as <c>!dice 20</c>: the prefix, then the name (or an alias) in
/// any letter case, then a space or the end of the message. Users without
/// <see cref="RequiredRoles"/> are ignored.
/// </summary>
public sealed class CommandTrigger : ChatTrigger
{
    /// <summary>Creates the trigger for <paramref name="command"/>.</summary>
    public CommandTrigger(string command, params IEnumerable<string> aliases)
    {
        Command = command;
        Aliases = [.. aliases];
    }

    /// <summary>The command name without the prefix.</summary>
    public string Command { get; }

    /// <summary>Other names for the command.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The command prefix. Default <c>!</c>.</summary>
    public string Prefix { get; init; } = "!";

    /// <summary>The roles allowed to use the command; <see cref="ChatRoles.None"/> lets everyone. Any one role suffices.</summary>
    public ChatRoles RequiredRoles { get; init; }

    /// <inheritdoc />
    public override string Kind => "command";

    /// <inheritdoc />
    public override bool Matches(in TriggerContext context) =>
        context.Message is { } message &&
        (RequiredRoles == ChatRoles.None || message.User.HasAny(RequiredRoles)) &&
        TryParse(message.Text, out _);

    /// <summary>Splits <paramref name="text"/> into this command's name and arguments when it invokes the command.</summary>
    public bool TryParse(string text, out CommandInvocation invocation)
    {
        invocation = default;
        var span = text.AsSpan().TrimStart();
        if (!span.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = span[Prefix.Length..];
        var nameEnd = rest.IndexOfAny(' ', '\t');
        var name = nameEnd < 0 ? rest : rest[..nameEnd];
        if (!IsName(name))
        {
            return false;
        }

        var arguments = nameEnd < 0 ? "" : rest[nameEnd..].Trim().ToString();
        invocation = new CommandInvocation(Command, arguments);
        return true;
    }

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        if (string.IsNullOrWhiteSpace(Command) || Command.AsSpan().ContainsAny(' ', '\t'))
        {
            throw new ChatBotConfigurationException($"{path}.Command", $"must be one word (was '{Command}')");
        }

        if (string.IsNullOrEmpty(Prefix))
        {
            throw new ChatBotConfigurationException($"{path}.Prefix", "must not be empty");
        }

        for (var i = 0; i < Aliases.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Aliases[i]))
            {
                throw new ChatBotConfigurationException($"{path}.Aliases[{i}]", "must not be empty");
            }
        }
    }

    private bool IsName(ReadOnlySpan<char> name)
    {
        if (name.Equals(Command, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        for (var i = 0; i < Aliases.Count; i++)
        {
            if (name.Equals(Aliases[i], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
