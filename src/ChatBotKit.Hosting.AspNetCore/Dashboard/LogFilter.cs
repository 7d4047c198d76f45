namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>Which log lines a page or stream shows; an empty part matches every line.</summary>
internal sealed record LogFilter(string? Bot, string? Channel, string? User, string? Outcome, string? Platform = null)
{
    public bool Matches(DashboardEntry entry) =>
        entry.Matches(Bot, Channel, User, Outcome) && (string.IsNullOrEmpty(Platform) || string.Equals(Platform, entry.Platform, StringComparison.OrdinalIgnoreCase));
}
