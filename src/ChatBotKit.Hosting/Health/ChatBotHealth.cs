using ChatBotKit.AI;
using ChatBotKit.Engine;
using ChatBotKit.Sources;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBotKit.Hosting.Health;

/// <summary>
/// Builds the <c>/health</c> document for the running bots. A bot is <c>unhealthy</c> when it
/// declares sources and none is connected, or when its LLM calls are critical (&gt; 20 % errors or
/// &gt; 5 s); <c>degraded</c> when some source is not connected, the LLM backend does not answer its
/// probe, or the calls are at warning level; otherwise <c>healthy</c>. The health checks a bot
/// registers (<see cref="ChatBotBuilder.WithHealthCheck"/>, such as its voice) are listed under it and
/// can only make it worse. The overall status is the worst bot's (<c>unhealthy</c> with no bot running).
/// </summary>
internal sealed class ChatBotHealth : IAsyncDisposable
{
    private readonly RunningChatBots _bots;
    private readonly TimeProvider _time;
    private readonly LlmCallStats _calls;
    private readonly LlmReachability _reachability = new();
    private readonly PartHealthChecks _checks = new();

    /// <summary>Reports on <paramref name="bots"/>.</summary>
    public ChatBotHealth(RunningChatBots bots, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(bots);
        _bots = bots;
        _time = time ?? TimeProvider.System;
        _calls = new LlmCallStats(_time);
    }

    internal HealthDocument Check()
    {
        var now = _time.GetUtcNow();
        var bots = _bots.All.Select(b => Bot(b, now)).ToList();
        var status = bots.Count == 0 ? "unhealthy" : bots.Select(b => b.Status).MaxBy(Rank)!;
        return new HealthDocument(status, now, bots);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _calls.Dispose();
        await _reachability.DisposeAsync().ConfigureAwait(false);
        await _checks.DisposeAsync().ConfigureAwait(false);
    }

    internal static int Rank(string status) => status switch { "healthy" => 0, "degraded" => 1, _ => 2 };

    private BotHealth Bot(ChatBotRuntime bot, DateTimeOffset now)
    {
        var sources = bot.Sources.GetSources().Select(s => new SourceHealth(
            s.Name,
            s.Platform?.ToString(),
            s.State.ToString().ToLowerInvariant(),
            s.Channels,
            s.Events,
            s.LastEventAt is { } last ? Math.Round((now - last).TotalSeconds, 3) : null)).ToList();
        var channels = bot.Engine.GetChannels()
            .Select(c => new ChannelHealth(c.Platform.ToString(), c.Channel, c.QueueDepth, c.Dropped, c.RepliesInFlight)).ToList();
        var llm = Llm(bot.Engine);
        var checks = bot.Engine.Definition.HealthChecks.Select(Part).ToList();
        var connected = sources.Count(s => s.State == "connected");
        var status = (sources.Count > 0 && connected == 0) || llm.Level == "critical" ? "unhealthy"
            : connected < sources.Count || llm.Level == "warning" || llm.Reachability is "unreachable" or "unauthorized" or "model-missing" ? "degraded"
            : "healthy";
        status = checks.Select(c => c.Status).Where(s => s != "pending").Append(status).MaxBy(Rank)!;
        return new BotHealth(bot.Name, status, bot.Engine.Generation, channels.Sum(c => (long)c.QueueDepth), sources, llm, channels, checks);
    }

    private PartHealth Part(HealthCheckRegistration registration) => _checks.Last(registration) is { } result
        ? new PartHealth(registration.Name, result.Status.ToString().ToLowerInvariant(), result.Description, result.Data.Count == 0 ? null : result.Data)
        : new PartHealth(registration.Name, "pending", null, null);

    private LlmHealth Llm(ChatBotEngine engine)
    {
        var client = engine.ChatClient;
        var (level, calls, rate, latency) = _calls.Snapshot();
        var report = _reachability.Last(client, out var probed);
        var backend = client is OfflineChatClient ? "offline" : report?.BaseUrl.ToString() ?? client.GetType().Name;
        var reachability = !probed ? "not-probed" : report is null ? "unknown" : Reachability(report.Status);
        return new LlmHealth(backend, reachability, report?.Detail, level, calls, Math.Round(rate, 4), latency is { } l ? Math.Round(l, 4) : null);
    }

    private static string Reachability(LlmHealthStatus status) => status switch
    {
        LlmHealthStatus.Ready => "reachable",
        LlmHealthStatus.ModelMissing => "model-missing",
        LlmHealthStatus.Unauthorized => "unauthorized",
        _ => "unreachable",
    };
}
