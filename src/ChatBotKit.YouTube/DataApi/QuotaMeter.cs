using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.YouTube.DataApi;

/// <summary>
/// Counts the Data API units this source spends against a daily budget. The day is Google's quota
/// day, which starts at midnight Pacific time. It warns once a day at 80 %, says when polling
/// should slow down, and refuses a call that would overrun the budget, so the project never meets
/// YouTube's own <c>quotaExceeded</c> by surprise. Every unit also goes to the
/// <c>chatbotkit.youtube.quota.units</c> counter, tagged by method.
/// </summary>
internal sealed class QuotaMeter(int dailyBudget, TimeProvider time, ILogger logger, Counter<long>? units = null)
{
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.TryFindSystemTimeZoneById("America/Los_Angeles", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("UTC-8", TimeSpan.FromHours(-8), "UTC-8", "UTC-8");

    private readonly Lock _gate = new();
    private DateOnly _day;
    private long _today;
    private long _total;
    private bool _warned;

    /// <summary>The units spent since the quota day began.</summary>
    public long SpentToday
    {
        get
        {
            lock (_gate)
            {
                Roll();
                return _today;
            }
        }
    }

    /// <summary>The units spent since the source was made.</summary>
    public long SpentTotal => Interlocked.Read(ref _total);

    /// <summary>Whether 80 % of today's budget is spent: polling should slow down.</summary>
    public bool IsLow => SpentToday * 5 >= dailyBudget * 4L;

    /// <summary>Counts <paramref name="cost"/> units for <paramref name="method"/>, or refuses when they would overrun today's budget.</summary>
    public bool TrySpend(int cost, string method)
    {
        bool warn;
        long spent;
        lock (_gate)
        {
            Roll();
            if (_today + cost > dailyBudget)
            {
                return false;
            }

            _today += cost;
            spent = _today;
            warn = !_warned && _today * 5 >= dailyBudget * 4L;
            _warned |= warn;
        }

        Interlocked.Add(ref _total, cost);
        units?.Add(cost, new KeyValuePair<string, object?>("method", method));
        YouTubeLog.QuotaSpent(logger, method, cost, spent, dailyBudget);
        if (warn)
        {
            YouTubeLog.QuotaLow(logger, spent, dailyBudget);
        }

        return true;
    }

    private void Roll()
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Pacific).DateTime);
        if (day != _day)
        {
            (_day, _today, _warned) = (day, 0, false);
        }
    }
}
