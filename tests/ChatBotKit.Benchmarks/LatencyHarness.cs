using System.Diagnostics;
using ChatBotKit.Engine;

namespace ChatBotKit.Benchmarks;

/// <summary>
/// Per-event latency percentiles, which BenchmarkDotNet does not report for single operations:
/// posts one mention at a time and times it until the source's send, after a warm-up.
/// </summary>
internal static class LatencyHarness
{
    public static async Task RunAsync(int samples)
    {
        var source = new SinkSource();
        var sent = new SemaphoreSlim(0);
        long sentAt = 0;
        source.Sent = _ =>
        {
            sentAt = Stopwatch.GetTimestamp();
            sent.Release();
        };
        await using var engine = new ChatBotEngine(BenchBot.Definition(new InstantChatClient(), unlimited: true));
        var mentions = BenchBot.Traffic(1000, channels: 1, mentionEvery: 1);
        var latencies = new double[samples];
        for (var i = -20_000; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            engine.Post(mentions[(i + 20_000) % mentions.Length], source);
            await sent.WaitAsync();
            if (i >= 0)
            {
                latencies[i] = Stopwatch.GetElapsedTime(start, sentAt).TotalMicroseconds;
            }

            // Let the reply finish (release its LLM slot) before the next mention, outside the timing.
            await engine.WhenIdleAsync();
        }

        Array.Sort(latencies);
        Console.WriteLine($"mention -> send, {samples:N0} samples after 20,000 warm-up (µs):");
        foreach (var p in new[] { 50.0, 90.0, 99.0, 99.9 })
        {
            Console.WriteLine($"  p{p}: {latencies[(int)Math.Min(samples - 1, samples * p / 100)]:F1}");
        }

        Console.WriteLine($"  max: {latencies[^1]:F1}");
    }
}
