using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBotKit;

public sealed partial class ChatBotBuilder
{
    private readonly List<HealthCheckRegistration> _healthChecks = [];

    /// <summary>Health checks of the parts the bot depends on, shown under the bot in the host's <c>/health</c>. Default none.</summary>
    public IReadOnlyList<HealthCheckRegistration> HealthChecks => _healthChecks;

    /// <summary>
    /// Shows <paramref name="check"/> under the bot in the host's <c>/health</c>: a part the bot depends
    /// on, such as its voice, an overlay or a service a handler calls. The bot's status is the worst of
    /// its own and its checks'; a check that fails (or throws) counts as <paramref name="failureStatus"/>.
    /// A check with the same name replaces the earlier one.
    /// </summary>
    public ChatBotBuilder WithHealthCheck(string name, IHealthCheck check, HealthStatus failureStatus = HealthStatus.Unhealthy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(check);
        _healthChecks.RemoveAll(r => r.Name == name);
        _healthChecks.Add(new HealthCheckRegistration(name, check, failureStatus, tags: null));
        return this;
    }
}
