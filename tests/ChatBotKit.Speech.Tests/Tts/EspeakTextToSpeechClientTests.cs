using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Pipeline;
using ChatBotKit.Speech.Tests.Fakes;
using ChatBotKit.Speech.Tts;
using ChatBotKit.Testing;
using ChatBotKit.Tests.Sources;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Speech.Tests.Tts;

public class EspeakTextToSpeechClientTests
{
    private readonly string _espeak = DebianPackage.EnsureInstalled("espeak-ng", "espeak-ng");

    [Fact]
    public async Task GetAudioAsync_RealEspeak_ReturnsSpeechThatDecodesToTheEnd()
    {
        using var client = new EspeakTextToSpeechClient(new EspeakOptions { Program = _espeak });

        var response = await client.GetAudioAsync("Hello chat, welcome to the stream.");

        var audio = WavDecoder.Decode(response.Contents.OfType<DataContent>().Single().Data.Span, "espeak-ng");
        audio.SampleRate.Should().Be(22050);
        audio.Duration.Should().BeGreaterThan(TimeSpan.FromSeconds(1)).And.BeLessThan(TimeSpan.FromSeconds(5));
        MouthLevels(audio).Should().Contain(l => l > 0.5f).And.Contain(0f);
    }

    [Fact]
    public async Task GetAudioAsync_FasterSpeed_MakesShorterAudio()
    {
        using var client = new EspeakTextToSpeechClient(new EspeakOptions { Program = _espeak });
        const string text = "The quick brown fox jumps over the lazy dog.";

        var normal = await DurationAsync(client, text, null);
        var fast = await DurationAsync(client, text, new TextToSpeechOptions { Speed = 2 });

        fast.Should().BeLessThan(normal * 0.7);
    }

    [Fact]
    public async Task GetAudioAsync_TextStartingWithADash_IsSpokenNotTakenAsAnOption()
    {
        using var client = new EspeakTextToSpeechClient(new EspeakOptions { Program = _espeak });

        var duration = await DurationAsync(client, "--version is what it said", null);

        duration.Should().BeGreaterThan(TimeSpan.FromMilliseconds(800));
    }

    [Fact]
    public async Task GetAudioAsync_UnknownVoice_FailsWithEspeaksMessage()
    {
        using var client = new EspeakTextToSpeechClient(new EspeakOptions { Program = _espeak, Voice = "zz" });

        var call = () => client.GetAudioAsync("hi");

        (await call.Should().ThrowAsync<SpeechException>()).Which.Message.Should().Contain("voice does not exist");
    }

    [Fact]
    public async Task GetAudioAsync_ProgramMissing_NamesTheDebianPackage()
    {
        using var client = new EspeakTextToSpeechClient(new EspeakOptions { Program = "/nonexistent/espeak-ng" });

        var call = () => client.GetAudioAsync("hi");

        var error = (await call.Should().ThrowAsync<SpeechException>()).Which;
        error.VoiceUnavailable.Should().BeTrue();
        error.Message.Should().Contain("install the Debian package 'espeak-ng'");
    }

    [Fact]
    public async Task SpeakAsync_EspeakMissing_LogsOnceAndTheBotKeepsChattingInText()
    {
        var log = new LogCapture();
        await using var pipeline = new SpeechPipeline(
            new EspeakTextToSpeechClient(new EspeakOptions { Program = "/nonexistent/espeak-ng" }), new InMemoryAudioSink(), loggerFactory: log);

        var first = await pipeline.SpeakAsync(Phrases.Request(), Phrases.Of("Hello.", "How are you?"));
        var second = await pipeline.SpeakAsync(Phrases.Request(id: "r2"), Phrases.Of("Still there?"));

        first.Should().Be(new SpokenReply("", Interrupted: false));
        second.Should().Be(new SpokenReply("", Interrupted: false));
        pipeline.CanSpeak.Should().BeFalse();
        log.Entries.Should().ContainSingle(e => e.EventId == 1102).Which.Message.Should().Contain("espeak-ng");
    }

    [Fact]
    public async Task SpeakAsync_RealEspeak_PlaysEachPhraseAsOneUtterance()
    {
        var sink = new InMemoryAudioSink();
        await using var pipeline = new SpeechPipeline(new EspeakTextToSpeechClient(new EspeakOptions { Program = _espeak }), sink);

        var reply = await pipeline.SpeakAsync(Phrases.Request(), Phrases.Of("Hi there!", "Thanks for the follow."));

        reply.Should().Be(new SpokenReply("Hi there! Thanks for the follow.", Interrupted: false));
        sink.Utterances.Should().HaveCount(2).And.OnlyContain(u => u.SampleRate == 22050 && u.Duration > TimeSpan.FromMilliseconds(300));
        sink.Utterances[1].Duration.Should().BeGreaterThan(sink.Utterances[0].Duration);
    }

    [Fact]
    public async Task GetAudioAsync_Cancelled_KillsEspeakAndLeavesNoProcess()
    {
        using var client = new EspeakTextToSpeechClient(new EspeakOptions { Program = _espeak });
        using var cancel = new CancellationTokenSource();
        var synthesis = client.GetAudioAsync(string.Join(' ', Enumerable.Repeat("a very long reply that takes espeak a while", 2000)), cancellationToken: cancel.Token);
        await Wait.UntilAsync(() => EspeakChildren().Count > 0);

        await cancel.CancelAsync();

        await synthesis.Invoking(s => s).Should().ThrowAsync<OperationCanceledException>();
        EspeakChildren().Should().BeEmpty();
    }

    /// <summary>The espeak-ng processes this test process started that are still running.</summary>
    private static List<int> EspeakChildren()
    {
        var me = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (name == "espeak-ng" && fields[1] == me && fields[0] != "Z")
                {
                    children.Add(int.Parse(Path.GetFileName(dir), System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return children;
    }

    private static async Task<TimeSpan> DurationAsync(ITextToSpeechClient client, string text, TextToSpeechOptions? options)
    {
        var response = await client.GetAudioAsync(text, options);
        return WavDecoder.Decode(response.Contents.OfType<DataContent>().Single().Data.Span, "espeak-ng").Duration;
    }

    private static IEnumerable<float> MouthLevels(PcmAudio audio) => LipSync.MouthMeter.Measure(audio).Levels.Select(l => l.Level);
}
