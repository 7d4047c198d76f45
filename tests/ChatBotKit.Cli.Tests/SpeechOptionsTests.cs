using System.IO.Pipes;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatBotKit.Cli.Tests;

public sealed class SpeechOptionsTests(WarmCompiler warm) : IClassFixture<WarmCompiler>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("streambot-speech-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Chat_SpeakTo_SaysWhereTheVoiceGoesAndRuns()
    {
        var code = await ChatAsync("--speak-to", Path.Combine(_folder, "voice"));

        code.Should().Be(0, because: _error.ToString());
        _error.ToString().Should().Contain($"speaking replies into {Path.Combine(_folder, "voice")} (one WAV file per utterance)");
        Directory.Exists(Path.Combine(_folder, "voice")).Should().BeTrue();
    }

    [Fact]
    public async Task Chat_SpeakToWithHttp_HealthShowsTheVoiceUnderTheBot()
    {
        var script = Path.Combine(_folder, "bot.csx");
        File.WriteAllText(script, "Bot.WithName(\"kit\");");
        using var input = new OpenInput();
        var chat = StreambotApp.RunAsync(
            ["chat", script, "--no-watch", "--speak-to", Path.Combine(_folder, "voice"), "--http", "127.0.0.1:0"],
            new CliStreams(input, _out, _error),
            warm.Compiler);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!_error.ToString().Contains("is listening on the console", StringComparison.Ordinal) && !chat.IsCompleted)
        {
            await Task.Delay(20, timeout.Token);
        }

        chat.IsCompleted.Should().BeFalse(because: _error.ToString());
        using var http = new HttpClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(Regex.Match(_error.ToString(), @"serving (\S+health)").Groups[1].Value)));
        input.End();

        (await chat).Should().Be(0, because: _error.ToString());
        var check = json.RootElement.GetProperty("bots")[0].GetProperty("checks")[0];
        check.GetProperty("name").GetString().Should().Be("speech");
        check.GetProperty("status").GetString().Should().Be("healthy");
        check.GetProperty("data").GetProperty("level").GetString().Should().Be("unknown", "nothing was spoken yet");
    }

    [Fact]
    public async Task Chat_TtsThatIsNeitherEspeakNorAUrl_IsAUsageError()
    {
        var code = await ChatAsync("--speak", "--tts", "ftp://example");

        code.Should().Be(2);
        _error.ToString().Should().Contain("--tts: takes 'espeak' or a base URL");
    }

    [Fact]
    public async Task Chat_VoiceWithoutSpeak_IsAUsageError()
    {
        var code = await ChatAsync("--voice", "en+f3");

        code.Should().Be(2);
        _error.ToString().Should().Contain("--tts and --voice need --speak or --speak-to");
    }

    [Fact]
    public async Task Check_VtuberExample_IsABotWithAVoiceAndAStopCommand()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "scripts", "examples", "vtuber.csx");

        var code = await StreambotApp.RunAsync(["check", script], new CliStreams(new StringReader(""), _out, _error), warm.Compiler);

        code.Should().Be(0, because: _error.ToString() + _out.ToString());
        (_out.ToString() + _error.ToString()).Should().Contain("ok: bot 'kit' with 14 trigger(s)", "!llm, !say, !react, the milestone, four channel events, mentions, contextual, idle chatter, !expression, !motion and !stop");
    }

    private async Task<int> ChatAsync(params string[] extra)
    {
        var script = Path.Combine(_folder, "bot.csx");
        File.WriteAllText(script, "Bot.WithName(\"kit\");");
        return await StreambotApp.RunAsync(["chat", script, "--no-watch", .. extra], new CliStreams(new StringReader(""), _out, _error), warm.Compiler);
    }

    /// <summary>A stdin that stays open, with no viewer lines, until <see cref="End"/>: a real pipe, as the console reads its input on a thread of its own.</summary>
    private sealed class OpenInput : StreamReader
    {
        private readonly AnonymousPipeServerStream _writer;

        public OpenInput()
            : this(new AnonymousPipeServerStream(PipeDirection.Out))
        {
        }

        private OpenInput(AnonymousPipeServerStream writer)
            : base(new AnonymousPipeClientStream(PipeDirection.In, writer.ClientSafePipeHandle)) => _writer = writer;

        public void End() => _writer.Dispose();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _writer.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
