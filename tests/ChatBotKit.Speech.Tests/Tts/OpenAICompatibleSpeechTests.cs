using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Pipeline;
using ChatBotKit.Speech.Tests.Fakes;
using ChatBotKit.Speech.Tts;
using ChatBotKit.Tests.Sources;
using ChatBotKit.Time;

namespace ChatBotKit.Speech.Tests.Tts;

public sealed class OpenAICompatibleSpeechTests : IAsyncLifetime
{
    private readonly VirtualClock _clock = new();
    private FakeSpeechServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSpeechServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SynthesizeAsync_WorkingServer_AsksForWavInTheVoiceAndDecodesIt()
    {
        var audio = await Synthesizer().SynthesizeAsync("Hello chat", CancellationToken.None);

        audio.Duration.Should().Be(TimeSpan.FromMilliseconds(300));
        var request = _server.Requests.Should().ContainSingle().Subject;
        request.GetProperty("model").GetString().Should().Be("kokoro");
        request.GetProperty("voice").GetString().Should().Be("af_bella");
        request.GetProperty("response_format").GetString().Should().Be("wav");
        request.GetProperty("input").GetString().Should().Be("Hello chat");
    }

    [Fact]
    public async Task SynthesizeAsync_ServerHangs_FailsWhenThePhraseTimeoutPasses()
    {
        var synthesis = Synthesizer().SynthesizeAsync("hang on", CancellationToken.None);
        await _server.WaitForRequestsAsync(1);

        _clock.Advance(TimeSpan.FromSeconds(10));

        (await synthesis.Invoking(s => s).Should().ThrowAsync<SpeechException>()).Which.Message.Should().Be("openai gave no audio within 10 s.");
    }

    [Fact]
    public async Task SynthesizeAsync_ServerAnswersHtml_SaysSo()
    {
        var call = () => Synthesizer().SynthesizeAsync("html please", CancellationToken.None);

        (await call.Should().ThrowAsync<SpeechException>()).Which.Message.Should().Contain("HTML page");
    }

    [Fact]
    public async Task SynthesizeAsync_ServerCutsTheAudio_SaysItWasCut()
    {
        var call = () => Synthesizer().SynthesizeAsync("cut short", CancellationToken.None);

        (await call.Should().ThrowAsync<SpeechException>()).Which.Message.Should().Contain("cut the audio short");
    }

    [Fact]
    public async Task SynthesizeAsync_ConnectionBreaksMidBody_FailsCleanly()
    {
        var call = () => Synthesizer().SynthesizeAsync("reset now", CancellationToken.None);

        (await call.Should().ThrowAsync<SpeechException>()).Which.Message.Should().Contain("broke off");
    }

    [Fact]
    public async Task SynthesizeAsync_ServerError_CarriesTheStatus()
    {
        var call = () => Synthesizer().SynthesizeAsync("refuse this", CancellationToken.None);

        (await call.Should().ThrowAsync<SpeechException>()).Which.Message.Should().Contain("HTTP 500");
    }

    [Fact]
    public async Task SpeakAsync_PhrasesThatHangOrGetHtml_AreSkippedAndTheRestIsSpoken()
    {
        var log = new LogCapture();
        var sink = new InMemoryAudioSink();
        await using var pipeline = new SpeechPipeline(Client(), sink, loggerFactory: log, timeProvider: _clock);

        var speaking = pipeline.SpeakAsync(Phrases.Request(), Phrases.Of("First.", "html too.", "Last.", "hang here."));
        await _server.WaitForRequestsAsync(4);
        await sink.WaitForUtterancesAsync(2).WaitAsync(TimeSpan.FromSeconds(20));
        _clock.Advance(TimeSpan.FromSeconds(10));
        var reply = await speaking.WaitAsync(TimeSpan.FromSeconds(20));

        reply.Should().Be(new SpokenReply("First. Last.", Interrupted: false));
        sink.Utterances.Should().HaveCount(2);
        log.Entries.Where(e => e.EventId == 1101).Should().HaveCount(2);
        pipeline.Health.ErrorRate.Should().Be(0.5);
    }

    private PhraseSynthesizer Synthesizer() => new(Client(), null, TimeSpan.FromSeconds(10), _clock);

    private Microsoft.Extensions.AI.ITextToSpeechClient Client() => SpeechBackends.OpenAICompatible(new OpenAICompatibleSpeechOptions
    {
        BaseUrl = _server.BaseUrl,
        Model = "kokoro",
        Voice = "af_bella",
        ApiKeyVariable = "CHATBOTKIT_TEST_NO_SUCH_KEY",
    });
}
