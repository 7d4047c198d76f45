using System.Diagnostics;
using ChatBotKit.Speech;
using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Pipeline;
using ChatBotKit.Speech.Tts;

namespace ChatBotKit.Benchmarks.Speech;

/// <summary>
/// Interrupt to silence as a listener hears it: an espeak-ng reply plays through the real sink, a
/// <c>pacat</c> per <see cref="ProcessAudioSink"/>, into a PulseAudio null sink whose monitor
/// <c>parec</c> records (<see cref="MonitorRecorder"/>). 100–600 ms after the voice is first heard
/// on the monitor, <see cref="SpeechPipeline.Interrupt"/> is called; silence is the last loud sample on the
/// monitor. Needs a sound server with the sink, for example:
/// <c>pulseaudio -D --exit-idle-time=-1</c> and <c>pactl load-module module-null-sink sink_name=streambot</c>.
/// </summary>
internal static class PulseInterruptHarness
{
    public static async Task RunAsync(string device, int runs)
    {
        var request = new SpeechRequest { Platform = "console", Channel = "console", Trigger = "mention", CorrelationId = "bench" };
        await using var recorder = MonitorRecorder.Start($"{device}.monitor");
        await using var pipeline = new SpeechPipeline(SpeechBackends.Espeak(), new ProcessAudioSink(new ProcessAudioSinkOptions { Device = device }));
        var random = new Random(1);
        var silent = new List<double>();
        var quietAlready = 0;
        for (var i = -3; i < runs; i++)
        {
            var asked = Stopwatch.GetTimestamp();
            var speaking = pipeline.SpeakAsync(request, InterruptHarness.Phrases("This reply is long enough to be playing when the interrupt comes.", "And it would go on for a while.", "Much longer than anyone wants."));
            await recorder.WaitUntilLoudAfterAsync(asked).ConfigureAwait(false);
            await Task.Delay(random.Next(100, 600)).ConfigureAwait(false);

            var interrupted = Stopwatch.GetTimestamp();
            pipeline.Interrupt();
            if (!(await speaking.ConfigureAwait(false)).Interrupted)
            {
                throw new InvalidOperationException("the reply ended before the interrupt");
            }

            await Task.Delay(1500).ConfigureAwait(false);
            var last = recorder.LastLoud;
            var ms = Stopwatch.GetElapsedTime(interrupted, last).TotalMilliseconds;
            if (i >= 0)
            {
                quietAlready += last <= interrupted ? 1 : 0;
                silent.Add(Math.Max(0, ms));
            }
        }

        silent.Sort();
        Console.WriteLine($"interrupt -> last loud sample on {device}.monitor (ms), {runs} runs after 3 warm-up ({quietAlready} interrupts fell in a pause):");
        foreach (var p in new[] { 50.0, 90.0, 99.0 })
        {
            Console.WriteLine($"  p{p}: {silent[(int)Math.Min(silent.Count - 1, silent.Count * p / 100)]:F1}");
        }

        Console.WriteLine($"  max: {silent[^1]:F1}");
    }
}
