using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChatBotKit.Events;
using ChatBotKit.RateLimiting;
using ChatBotKit.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Benchmarks.Hosting;

/// <summary>
/// An app host (AddChatBot + MapChatBotEndpoints, one channel): idle RSS, then /health latency at
/// 500 requests/s while 1,000 messages/s flow through the bot.
/// </summary>
internal static class HostingHarness
{
    private sealed record Settings(string Name);

    public static async Task RunAsync(TimeSpan load)
    {
        var source = new PushSource();
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddChatBot(bot => bot.WithName("kit").WithRateLimits(RateLimitPolicy.Unlimited)
            .OnCommand("dice", _ => "rolled").AddSource(new ChatSourceRegistration("push", new Settings("push"), _ => source) { Channels = ["c"] }));
        await using var app = builder.Build();
        app.MapChatBotEndpoints();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        source.Push(Message(0));
        (await http.GetAsync(new Uri("health", UriKind.Relative))).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(5));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await Task.Delay(TimeSpan.FromSeconds(2));
        Console.WriteLine($"idle host, one channel: RSS {Rss() / 1024.0 / 1024.0:F1} MB, managed heap {GC.GetTotalMemory(false) / 1024.0 / 1024.0:F1} MB");

        using var stop = new CancellationTokenSource(load);
        var feeder = FeedAsync(source, stop.Token);
        var latencies = await ProbeAsync(http, stop.Token);
        var sent = await feeder;
        latencies.Sort();
        double P(double q) => latencies[(int)Math.Min(latencies.Count - 1, q * latencies.Count)];
        Console.WriteLine($"/health under load: {latencies.Count} requests in {load.TotalSeconds:F0} s ({latencies.Count / load.TotalSeconds:F0}/s) while {sent / load.TotalSeconds:F0} msg/s flowed; p50 {P(0.5):F3} ms, p99 {P(0.99):F3} ms, max {latencies[^1]:F3} ms");
        await app.StopAsync();
    }

    private static MessageReceived Message(long i) => new()
    {
        Platform = ChatPlatform.Twitch,
        Channel = "c",
        User = ChatUser.Named($"u{i % 50}"),
        Text = i % 10 == 0 ? "!dice" : $"message {i}",
        Timestamp = DateTimeOffset.UtcNow,
    };

    // 1,000 messages/s: 10 every 10 ms, catching up on a late tick.
    private static async Task<long> FeedAsync(PushSource source, CancellationToken cancellationToken)
    {
        long sent = 0;
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var due = (long)clock.Elapsed.TotalMilliseconds;
                for (; sent < due; sent++)
                {
                    source.Push(Message(sent));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return sent;
    }

    // 500 requests/s: one every 2 ms on the clock; latency of each.
    private static async Task<List<double>> ProbeAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        long n = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var due = TimeSpan.FromMilliseconds(2 * n++);
            if (clock.Elapsed < due)
            {
                await Task.Delay(due - clock.Elapsed, CancellationToken.None);
            }

            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri("health", UriKind.Relative), CancellationToken.None);
            await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return latencies;
    }

    private static long Rss()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
