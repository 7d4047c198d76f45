using System.Diagnostics;
using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.Hosting;
using ChatBotKit.Hosting.AspNetCore.Dashboard;
using ChatBotKit.RateLimiting;
using ChatBotKit.Sources;
using ChatBotKit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Benchmarks.Hosting;

/// <summary>
/// A web app running the bot on 100 channels with the dashboard mapped, over real HTTP on loopback:
/// the overview page's server time, then the engine's throughput with a client reading the live
/// decision stream (<c>/dashboard/stream/decisions</c>, Server-Sent Events) against without, in
/// alternating pairs, at full speed and paced at 1,000 events/s.
/// </summary>
internal static class DashboardHarness
{
    private const int Channels = 100;
    private const int FullSpeedEvents = 100_000;
    private const int Pairs = 6;
    private const int PacedPairs = 3;
    private static readonly TimeSpan PacedFor = TimeSpan.FromSeconds(10);

    public static async Task RunAsync()
    {
        Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
        var source = new PushSource();
        var decisions = new DecisionCounter();
        var overviewTimes = new List<double>();
        var port = LoopbackPort.GetFree();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSingleton<IChatBotDecisionTap>(decisions);
        builder.Services.AddChatBot(bot => bot.WithName("kit").WithAliases("kitbot")
                .WithRateLimits(RateLimitPolicy.Unlimited).WithLoopLimits(ReplyLoopLimits.Off).WithChannelQueue(FullSpeedEvents)
                .UseChatClient(new InstantChatClient()).OnMention().OnCommand("dice", ctx => $"rolled {ctx.Random.Next(1, 7)}")
                .AddSource(new ChatSourceRegistration("push", "bench", _ => source) { Channels = [.. Enumerable.Range(0, Channels).Select(i => $"channel{i}")] }))
            .WithDashboard();
        await using var app = builder.Build();
        app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            var start = Stopwatch.GetTimestamp();
            await next(context);
            if (context.Request.Path == "/dashboard/")
            {
                lock (overviewTimes)
                {
                    overviewTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        });
        app.MapChatBotEndpoints();
        app.MapChatBotDashboard();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var feed = app.Services.GetRequiredService<DashboardFeed>();
        var traffic = BenchBot.Traffic(FullSpeedEvents, Channels, mentionEvery: 20);

        // Every channel has history, replies in the last minute and a context window before anything is measured.
        await PostAllAsync(source, decisions, traffic.AsSpan(0, 10 * Channels));
        await OverviewAsync(http, overviewTimes);

        Console.WriteLine($"full speed: {FullSpeedEvents:N0} events over {Channels} channels per run, {Pairs} alternating pairs");
        await PairsAsync(Pairs, feed, http, () => FullSpeedAsync(source, decisions, traffic));
        Console.WriteLine($"paced: 1,000 events/s for {PacedFor.TotalSeconds:F0} s per run, {PacedPairs} alternating pairs");
        await PairsAsync(PacedPairs, feed, http, () => PacedAsync(source, decisions, traffic));
        Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
        await app.StopAsync();
    }

    private static async Task OverviewAsync(HttpClient http, List<double> serverTimes)
    {
        for (var i = 0; i < 50; i++)
        {
            await http.GetStringAsync(new Uri("dashboard/", UriKind.Relative));
        }

        lock (serverTimes)
        {
            serverTimes.Clear();
        }

        var roundTrips = new List<double>();
        var bytes = 0;
        for (var i = 0; i < 1_000; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var html = await http.GetStringAsync(new Uri("dashboard/", UriKind.Relative));
            roundTrips.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            bytes = html.Length;
        }

        Console.WriteLine($"overview, {Channels} channels, {bytes:N0} chars: server {Percentiles(serverTimes)}; round trip {Percentiles(roundTrips)}");
    }

    private static async Task PairsAsync(int pairs, DashboardFeed feed, HttpClient http, Func<Task<Run>> run)
    {
        var ratios = new List<double>();
        for (var pair = 0; pair < pairs; pair++)
        {
            Run alone = default, watched = default;
            foreach (var withClient in pair % 2 == 0 ? new[] { false, true } : new[] { true, false })
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                if (withClient)
                {
                    watched = await WatchedAsync(feed, http, run);
                }
                else
                {
                    alone = await run();
                }
            }

            var ratio = watched.EventsPerSecond / alone.EventsPerSecond;
            ratios.Add(ratio);
            Console.WriteLine($"  pair {pair + 1} ({(pair % 2 == 0 ? "without first" : "with first")}): without {alone}; with a client {watched}; with/without {ratio:P1}");
        }

        ratios.Sort();
        Console.WriteLine($"  with/without over {pairs} pairs: median {ratios[ratios.Count / 2]:P1}, min {ratios[0]:P1}, max {ratios[^1]:P1}");
    }

    // A browser on the live log: it reads the stream until the run ends, then goes away (and the feed frees its buffer).
    private static async Task<Run> WatchedAsync(DashboardFeed feed, HttpClient http, Func<Task<Run>> run)
    {
        using var stop = new CancellationTokenSource();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = ReadDecisionStreamAsync(http, ready, stop.Token);
        await ready.Task;
        var result = await run();
        await stop.CancelAsync();
        var received = await reading;
        while (feed.Listeners > 0)
        {
            await Task.Delay(10);
        }

        return result with { ClientReceived = received };
    }

    private static async Task<long> ReadDecisionStreamAsync(HttpClient http, TaskCompletionSource ready, CancellationToken cancellationToken)
    {
        long received = 0;
        try
        {
            using var response = await http.GetAsync(new Uri("dashboard/stream/decisions", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line == "event: decision")
                {
                    received++;
                }
                else if (line == "event: ready")
                {
                    ready.TrySetResult();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return received;
    }

    private static async Task<Run> FullSpeedAsync(PushSource source, DecisionCounter decisions, MessageReceived[] traffic)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        await PostAllAsync(source, decisions, traffic);
        return new Run(traffic.Length, Stopwatch.GetElapsedTime(start), Process.GetCurrentProcess().TotalProcessorTime - cpu, TimeSpan.Zero);
    }

    private static Task PostAllAsync(PushSource source, DecisionCounter decisions, ReadOnlySpan<MessageReceived> traffic)
    {
        var done = decisions.Expect(traffic.Length);
        foreach (var message in traffic)
        {
            source.Push(message);
        }

        return done;
    }

    // 1,000 events/s: the events due by the clock every 10 ms; the run ends when the last one is decided.
    private static async Task<Run> PacedAsync(PushSource source, DecisionCounter decisions, MessageReceived[] traffic)
    {
        var total = (int)(PacedFor.TotalSeconds * 1_000);
        var done = decisions.Expect(total);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var sent = 0;
        while (sent < total && await timer.WaitForNextTickAsync())
        {
            var due = Math.Min(total, (int)Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            for (; sent < due; sent++)
            {
                source.Push(traffic[sent % traffic.Length]);
            }
        }

        var lastPosted = Stopwatch.GetElapsedTime(start);
        await done;
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new Run(total, elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, elapsed - lastPosted);
    }

    private static string Percentiles(List<double> samples)
    {
        var sorted = samples.Order().ToList();
        double P(double q) => sorted[(int)Math.Min(sorted.Count - 1, q * sorted.Count)];
        return $"n {sorted.Count}, p50 {P(0.5):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, max {sorted[^1]:F2} ms";
    }

    private readonly record struct Run(int Events, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan Lag)
    {
        public long? ClientReceived { get; init; }

        public double EventsPerSecond => Events / Elapsed.TotalSeconds;

        public override string ToString() =>
            $"{EventsPerSecond:N0} events/s ({Elapsed.TotalMilliseconds:F0} ms, CPU {Cpu.TotalMilliseconds / Events * 1000:F0} µs/event"
            + (Lag > TimeSpan.Zero ? $", last decided {Lag.TotalMilliseconds:F1} ms after the last post" : "")
            + (ClientReceived is { } received ? $", client got {received:N0} rows" : "") + ")";
    }

    /// <summary>Counts every decision of the bot and completes a task when a run's events are all decided.</summary>
    private sealed class DecisionCounter : IChatBotDecisionTap, IDecisionListener
    {
        private long _count;
        private long _target = long.MaxValue;
        private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Expect(int events)
        {
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _target, Interlocked.Read(ref _count) + events);
            return _reached.Task;
        }

        public IDecisionListener For(string bot) => this;

        public void OnDecision(in ChatDecision decision)
        {
            if (Interlocked.Increment(ref _count) == Volatile.Read(ref _target))
            {
                _reached.TrySetResult();
            }
        }
    }
}
