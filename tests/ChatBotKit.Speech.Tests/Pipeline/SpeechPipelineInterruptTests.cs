using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Pipeline;
using ChatBotKit.Speech.Tests.Fakes;

namespace ChatBotKit.Speech.Tests.Pipeline;

public sealed class SpeechPipelineInterruptTests : IAsyncLifetime
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly PacedClock _clock = new();
    private readonly InMemoryAudioSink _sink = new(playsInRealTime: true);
    private readonly ToneSpeechClient _tts = new(Second);
    private readonly SpeechPipeline _pipeline;

    public SpeechPipelineInterruptTests() => _pipeline = new SpeechPipeline(_tts, _sink, timeProvider: _clock);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    [Fact]
    public async Task Interrupt_DuringTheSecondPhrase_StopsAtOnceAndKeepsWhatWasHeard()
    {
        var speaking = _pipeline.SpeakAsync(Phrases.Request(), Phrases.Of("tone 1", "tone 2", "tone 3"));
        await _clock.PlayUntilAsync(TimeSpan.FromMilliseconds(1500));

        _pipeline.Interrupt().Should().Be(1);
        var reply = await speaking.WaitAsync(TimeSpan.FromSeconds(20));

        reply.Should().Be(new SpokenReply("tone 1 tone 2…", Interrupted: true));
        var written = _sink.Utterances.Sum(u => u.Duration.TotalMilliseconds);
        (written - _clock.Elapsed.TotalMilliseconds).Should().BeInRange(0, 500, "sound must stop within 500 ms of the interrupt");
        _clock.Elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(1600), "nothing should wait for the clock after the interrupt");
        _sink.Utterances.Should().HaveCount(2);
    }

    [Fact]
    public async Task Interrupt_BeforeTheNextPhraseStarts_LeavesItOutOfTheHeardText()
    {
        var speaking = _pipeline.SpeakAsync(Phrases.Request(), Phrases.Of("tone 1", "tone 2"));
        await _clock.PlayUntilAsync(TimeSpan.FromMilliseconds(900));

        _pipeline.Interrupt();

        (await speaking.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(new SpokenReply("tone 1…", Interrupted: true));
    }

    [Fact]
    public async Task SpeakAsync_NewerReplyOfHigherPriority_InterruptsTheOneSpeakingAndSpeaksItself()
    {
        var low = _pipeline.SpeakAsync(Phrases.Request(priority: 0, id: "low"), Phrases.Of("tone 1", "tone 2"));
        await _clock.PlayUntilAsync(TimeSpan.FromMilliseconds(500));

        var high = _pipeline.SpeakAsync(Phrases.Request(priority: 5, id: "high"), Phrases.Of("tone 4"));

        (await low.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(new SpokenReply("tone 1…", Interrupted: true));
        await _clock.PlayUntilAsync(TimeSpan.FromSeconds(3), high);
        (await high.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(new SpokenReply("tone 4", Interrupted: false));
        _sink.Utterances.Select(u => Math.Round(Tone.FrequencyOf(u.Samples, u.SampleRate) / 100)).Should().Equal(3, 6);
    }

    [Fact]
    public async Task SpeakAsync_NewerReplyOfEqualPriority_WaitsItsTurn()
    {
        var first = _pipeline.SpeakAsync(Phrases.Request(id: "a"), Phrases.Of("tone 1"));
        await _clock.PlayUntilAsync(TimeSpan.FromMilliseconds(500));
        var second = _pipeline.SpeakAsync(Phrases.Request(id: "b"), Phrases.Of("tone 2"));

        await _clock.PlayUntilAsync(TimeSpan.FromSeconds(3), second);

        (await first.WaitAsync(TimeSpan.FromSeconds(20))).Interrupted.Should().BeFalse();
        (await second.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(new SpokenReply("tone 2", Interrupted: false));
    }

    [Fact]
    public async Task DisposeAsync_WhileSpeakingAndSynthesising_StopsEverythingAndLeavesNoTaskRunning()
    {
        var gated = new ToneSpeechClient(Second, holdGates: true);
        var sink = new InMemoryAudioSink(playsInRealTime: true);
        var pipeline = new SpeechPipeline(gated, sink, timeProvider: _clock);
        var speaking = pipeline.SpeakAsync(Phrases.Request(), Phrases.Of("tone 1", "tone 2", "tone 3", "tone 4"));
        gated.Release("tone 1");
        await _clock.PlayUntilAsync(TimeSpan.FromMilliseconds(300));

        await pipeline.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        (await speaking).Should().Be(new SpokenReply("tone 1…", Interrupted: true));
        pipeline.Tasks.Count.Should().Be(0);
        gated.Running.Should().Be(0);
        gated.Cancelled.Should().Be(3);
        gated.Disposed.Should().BeTrue();
        (await pipeline.SpeakAsync(Phrases.Request(), Phrases.Of("tone 5"))).HeardText.Should().BeEmpty();
    }

    [Fact]
    public async Task SpeakAsync_CallerCancels_ReturnsWhatWasHeardInsteadOfThrowing()
    {
        using var cancel = new CancellationTokenSource();
        var speaking = _pipeline.SpeakAsync(Phrases.Request(), Phrases.Of("tone 1", "tone 2"), cancel.Token);
        await _clock.PlayUntilAsync(TimeSpan.FromMilliseconds(200));

        await cancel.CancelAsync();

        (await speaking.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(new SpokenReply("tone 1…", Interrupted: true));
    }
}
