namespace ChatBotKit.Triggers;

/// <summary>A parsed chat command.</summary>
/// <param name="Name">The command's canonical name (not the alias typed).</param>
/// <param name="ArgumentText">Everything after the command name, trimmed.</param>
public readonly record struct CommandInvocation(string Name, string ArgumentText)
{
    /// <summary>The arguments split on whitespace.</summary>
    public IReadOnlyList<string> Arguments =>
        ArgumentText.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
