namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>What became of a configuration edit: applied (and which keys wait for a restart) or refused and why.</summary>
internal sealed record ConfigurationEdit(bool Succeeded, string? Problem, IReadOnlyList<string> NeedRestart)
{
    public static ConfigurationEdit Applied(IReadOnlyList<string> needRestart) => new(true, null, needRestart);

    public static ConfigurationEdit Refused(string problem) => new(false, problem, []);
}
