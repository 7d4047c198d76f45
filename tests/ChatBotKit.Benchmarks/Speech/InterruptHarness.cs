using System.Diagnostics;
using ChatBotKit.Speech;
using ChatBotKit.Speech.Pipeline;
using ChatBotKit.Speech.Tts;

namespace ChatBotKit.Benchmarks.Speech;

/// <summary>
/// Interrupt to silence, which BenchmarkDotNet cannot time (the operation needs a reply already
/// playing): a long espeak-ng reply plays to a real-time sink; once its audio flows, a random
/// 100–600 ms later <see cref="SpeechPipeline.Interrupt"/> is called. Silence is when the reply
/// has returned and the audio already written has played out, whichever is later (add the
/// player's own buffer, 100 ms for pacat by default, for what a listener hears).
/// </summary>
internal static class InterruptHarness
{
    public static async Task RunAsync(int runs)
    {
        var request = new SpeechRequest { Platform = "console", Channel = "console", Trigger = "mention", CorrelationId = "bench" };
        var sink = new DiscardingSink(playsInRealTime: true);
        await using var pipeline = new SpeechPipeline(SpeechBackends.Espeak(), sink);
        var random = new Random(1);
        var returned = new double[runs];
        var silent = new double[runs];
        for (var i = -3; i < runs; i++)
        {
            sink.Reset();
            var speaking = pipeline.SpeakAsync(request, Phrases("This reply is long enough to be playing when the interrupt comes.", "And it would go on for a while.", "Much longer than anyone wants."));
            await sink.FirstWrite.ConfigureAwait(false);
            await Task.Delay(random.Next(100, 600)).ConfigureAwait(false);

            var start = Stopwatch.GetTimestamp();
            pipeline.Interrupt();
            var reply = await speaking.ConfigureAwait(false);
            var end = Stopwatch.GetTimestamp();
            var playsOut = pipeline.Player.AudioEndsAt - TimeProvider.System.GetUtcNow();
            if (i >= 0)
            {
                returned[i] = Stopwatch.GetElapsedTime(start, end).TotalMilliseconds;
                silent[i] = returned[i] + Math.Max(0, playsOut.TotalMilliseconds);
            }

            if (!reply.Interrupted)
            {
                throw new InvalidOperationException("the reply ended before the interrupt");
            }

            await Task.Delay(300).ConfigureAwait(false);
        }

        Report("interrupt -> SpeakAsync returned (ms)", returned);
        Report("interrupt -> written audio played out (ms)", silent);
    }

    private static void Report(string title, double[] values)
    {
        Array.Sort(values);
        Console.WriteLine($"{title}, {values.Length} runs after 3 warm-up:");
        foreach (var p in new[] { 50.0, 90.0, 99.0 })
        {
            Console.WriteLine($"  p{p}: {values[(int)Math.Min(values.Length - 1, values.Length * p / 100)]:F1}");
        }

        Console.WriteLine($"  max: {values[^1]:F1}");
    }

    internal static async IAsyncEnumerable<ReplyPhrase> Phrases(params string[] texts)
    {
        foreach (var text in texts)
        {
            await Task.Yield();
            yield return new ReplyPhrase(text);
        }
    }
}
