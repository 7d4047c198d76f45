using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Pipeline;
using ChatBotKit.Speech.Tests.Fakes;
using ChatBotKit.Tests.Sources;

namespace ChatBotKit.Speech.Tests.Pipeline;

public sealed class SpeechPipelineOrderTests : IAsyncLifetime
{
    private readonly InMemoryAudioSink _sink = new();
    private readonly LogCapture _log = new();
    private ToneSpeechClient _tts = new(holdGates: true);
    private SpeechPipeline? _pipeline;

    private SpeechPipeline Pipeline => _pipeline ??= new SpeechPipeline(_tts, _sink, loggerFactory: _log);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_pipeline is not null)
        {
            await _pipeline.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task SpeakAsync_SynthesesFinishInRandomOrder_PlaysInPhraseOrderThreeAtATime(int seed)
    {
        var texts = Enumerable.Range(1, 8).Select(n => $"tone {n}").ToArray();
        var speaking = Pipeline.SpeakAsync(Phrases.Request(), Phrases.Of(texts));

        var random = new Random(seed);
        var released = new HashSet<string>();
        while (released.Count < texts.Length)
        {
            var expected = Math.Min(3, texts.Length - released.Count);
            await Wait.UntilAsync(() => _tts.Running == expected && _tts.Started.Except(released).Count() == expected);
            var waiting = _tts.Started.Except(released).ToList();
            var next = waiting[random.Next(waiting.Count)];
            released.Add(next);
            _tts.Release(next);
        }

        var reply = await speaking.WaitAsync(TimeSpan.FromSeconds(20));

        reply.Should().Be(new SpokenReply(string.Join(' ', texts), Interrupted: false));
        _sink.Utterances.Select(u => Tone.FrequencyOf(u.Samples, u.SampleRate))
            .Should().Equal(Enumerable.Range(1, 8).Select(ToneSpeechClient.FrequencyFor), (heard, sent) => Math.Abs(heard - sent) < 10);
        _tts.MaxConcurrent.Should().Be(3);
    }

    [Fact]
    public async Task SpeakAsync_WhileTheModelIsStillWriting_SpeaksTheFirstPhraseAtOnce()
    {
        _tts = new ToneSpeechClient();
        var live = Phrases.Live();
        var speaking = Pipeline.SpeakAsync(Phrases.Request(), Phrases.From(live));

        live.Writer.TryWrite(new ReplyPhrase("tone 1"));
        await _sink.WaitForUtterancesAsync(1).WaitAsync(TimeSpan.FromSeconds(20));
        speaking.IsCompleted.Should().BeFalse("the reply is not finished");
        live.Writer.TryWrite(new ReplyPhrase("tone 2"));
        live.Writer.Complete();

        (await speaking.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(new SpokenReply("tone 1 tone 2", Interrupted: false));
    }

    [Fact]
    public async Task SpeakAsync_OnePhraseFails_SkipsItWithALoggedGapAndKeepsTheOrder()
    {
        _tts = new ToneSpeechClient();

        var reply = await Pipeline.SpeakAsync(Phrases.Request(), Phrases.Of("tone 1", "fail now", "tone 3"));

        reply.Should().Be(new SpokenReply("tone 1 tone 3", Interrupted: false));
        _sink.Utterances.Select(u => Math.Round(Tone.FrequencyOf(u.Samples, u.SampleRate) / 100)).Should().Equal(3, 5);
        _log.Entries.Should().ContainSingle(e => e.EventId == 1101).Which.Message.Should().Contain("Phrase 2 of reply r1").And.Contain("the fake refuses 'fail now'");
        Pipeline.Health.Phrases.Should().Be(3);
    }

    [Fact]
    public async Task SpeakAsync_EmptyAndWhitespacePhrases_AreNotSpoken()
    {
        _tts = new ToneSpeechClient();

        var reply = await Pipeline.SpeakAsync(Phrases.Request(), Phrases.Of("", "  ", "tone 2", "\n"));

        reply.HeardText.Should().Be("tone 2");
        _tts.Calls.Should().Be(1);
        _sink.Utterances.Should().HaveCount(1);
    }

    [Fact]
    public async Task SpeakAsync_A100KilobyteReplyInOnePhrase_IsCutIntoShortUtterancesAndSpokenWhole()
    {
        _tts = new ToneSpeechClient(TimeSpan.FromMilliseconds(5));
        var words = string.Join(' ', Enumerable.Repeat("lorem", 100_000 / 6));

        var reply = await Pipeline.SpeakAsync(Phrases.Request(), Phrases.Of(words)).WaitAsync(TimeSpan.FromSeconds(60));

        reply.HeardText.Should().Be(words);
        _sink.Utterances.Should().HaveCountGreaterThan(200);
        _tts.Calls.Should().Be(_sink.Utterances.Count);
    }

    [Fact]
    public async Task SpeakAsync_UtteranceEvents_CarryTextEmotionAndEnvelopeInOrder()
    {
        _tts = new ToneSpeechClient();
        var events = new List<object>();
        Pipeline.UtteranceStarted += (_, e) => events.Add(e);
        Pipeline.UtteranceStopped += (_, e) => events.Add(e);

        await Pipeline.SpeakAsync(Phrases.Request(), Emotional());

        events.Should().HaveCount(4);
        var first = events[0].Should().BeOfType<UtteranceStarted>().Subject;
        first.Text.Should().Be("tone 1");
        first.Emotion.Should().Be("happy");
        first.Duration.Should().Be(TimeSpan.FromMilliseconds(200));
        first.Envelope.Levels.Should().HaveCount(10).And.OnlyContain(l => l.Level > 0.9f);
        events[1].Should().BeOfType<UtteranceStopped>().Which.Interrupted.Should().BeFalse();
        events[2].Should().BeOfType<UtteranceStarted>().Which.Emotion.Should().BeNull();

        static async IAsyncEnumerable<ReplyPhrase> Emotional()
        {
            await Task.Yield();
            yield return new ReplyPhrase("tone 1", "happy");
            yield return new ReplyPhrase("tone 2");
        }
    }
}
