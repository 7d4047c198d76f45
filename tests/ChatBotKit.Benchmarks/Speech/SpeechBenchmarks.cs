using BenchmarkDotNet.Attributes;
using ChatBotKit.Speech;
using ChatBotKit.Speech.Pipeline;
using ChatBotKit.Speech.Tts;

namespace ChatBotKit.Benchmarks.Speech;

/// <summary>
/// First audio after the first phrase with real espeak-ng: one short phrase (a typical first
/// clause) goes into the pipeline and the operation ends when its audio reaches the sink, which
/// takes it as fast as it comes (so the operation is synthesis + decoding + the envelope + the
/// sequencer's hand-over, not playback).
/// </summary>
public class SpeechBenchmarks
{
    private static readonly SpeechRequest Request = new() { Platform = "console", Channel = "console", Trigger = "mention", CorrelationId = "bench" };
    private readonly DiscardingSink _sink = new(playsInRealTime: false);
    private SpeechPipeline _pipeline = null!;

    [GlobalSetup]
    public void Setup() => _pipeline = new SpeechPipeline(SpeechBackends.Espeak(), _sink);

    [GlobalCleanup]
    public void Cleanup() => _pipeline.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<string> FirstAudio_Espeak_ShortPhrase() => (await _pipeline.SpeakAsync(Request, One("Hey there, welcome in!")).ConfigureAwait(false)).HeardText;

    private static async IAsyncEnumerable<ReplyPhrase> One(string text)
    {
        await Task.Yield();
        yield return new ReplyPhrase(text);
    }
}
