using ChatBotKit.Speech.Pipeline;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBotKit.Speech.Health;

/// <summary>
/// A <see cref="SpeechPipeline"/>'s <see cref="SpeechPipeline.Health"/> as a health check, for the
/// host's <c>/health</c>: healthy at the healthy and unknown levels, degraded at warning, and the
/// registration's failure status at critical or when the voice cannot work at all (espeak-ng not
/// installed). Its data names the <c>level</c> and carries <c>phrases</c>, <c>errorRate</c> and
/// <c>meanFirstAudioSeconds</c>.
/// </summary>
public sealed class SpeechHealthCheck(SpeechPipeline pipeline) : IHealthCheck
{
    /// <summary>The name the voice is shown under: <c>speech</c>.</summary>
    public const string Name = "speech";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var health = pipeline.Health;
        var level = pipeline.CanSpeak ? health.Level : SpeechHealthLevel.Critical;
        var data = new Dictionary<string, object>
        {
            ["level"] = level.ToString().ToLowerInvariant(),
            ["phrases"] = health.Phrases,
            ["errorRate"] = Math.Round(health.ErrorRate, 4),
        };
        if (health.MeanFirstAudioLatency is { } latency)
        {
            data["meanFirstAudioSeconds"] = Math.Round(latency.TotalSeconds, 4);
        }

        var status = level switch
        {
            SpeechHealthLevel.Critical => context.Registration?.FailureStatus ?? HealthStatus.Unhealthy,
            SpeechHealthLevel.Warning => HealthStatus.Degraded,
            _ => HealthStatus.Healthy,
        };
        return Task.FromResult(new HealthCheckResult(status, Describe(pipeline.CanSpeak, level), data: data));
    }

    private static string Describe(bool canSpeak, SpeechHealthLevel level) => level switch
    {
        _ when !canSpeak => "the voice cannot work (see the log); replies stay text",
        SpeechHealthLevel.Unknown => "too few phrases in the last five minutes to judge",
        SpeechHealthLevel.Healthy => "under 10 % of phrases failed and first audio came in under 2 s",
        SpeechHealthLevel.Warning => "10-20 % of phrases failed or first audio took 2-5 s",
        _ => "over 20 % of phrases failed or first audio took over 5 s",
    };
}
