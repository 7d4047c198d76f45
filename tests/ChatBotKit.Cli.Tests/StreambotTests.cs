using System.Text.Json;
using ChatBotKit.Scripting;

namespace ChatBotKit.Cli.Tests;

public sealed class WarmCompiler
{
    public WarmCompiler()
    {
        Compiler = new ScriptCompiler(new PresetLocator(Path.Combine(AppContext.BaseDirectory, "scripts", "presets")));
        Compiler.WarmUp();
    }

    public ScriptCompiler Compiler { get; }
}

public sealed class StreambotTests(WarmCompiler warm) : IClassFixture<WarmCompiler>, IDisposable
{
    private static readonly string Hello = Path.Combine(AppContext.BaseDirectory, "scripts", "examples", "hello.csx");
    private static readonly string SampleChat = Path.Combine(AppContext.BaseDirectory, "scripts", "examples", "sample-chat.jsonl");
    private readonly string _folder = Directory.CreateTempSubdirectory("streambot-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int Code, string Out, string Error)> RunAsync(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await StreambotApp.RunAsync(args, new CliStreams(new StringReader(stdin), output, error), warm.Compiler);
        return (code, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Check_ValidScript_ExitsZeroAndSaysOk()
    {
        var (code, output, _) = await RunAsync("", "check", Hello);

        code.Should().Be(0);
        Lines(output).Should().Equal($"{Hello}: ok: bot 'kit' with 2 trigger(s), 1 file(s)");
    }

    [Fact]
    public async Task Check_CompileError_PrintsDiagnosticsAndExitsOne()
    {
        var path = Write("bad.csx", "Bot.WithName(\"kit\");\nvar n = missing + 1;\n");

        var (code, output, _) = await RunAsync("", "check", path);

        code.Should().Be(1);
        Lines(output).Should().Equal($"{path}(2,9): error CS0103: The name 'missing' does not exist in the current context");
    }

    [Fact]
    public async Task Check_UnknownPreset_ExitsOne()
    {
        var path = Write("bot.csx", "#load \"preset:nope\"\n");

        var (code, output, _) = await RunAsync("", "check", path);

        code.Should().Be(1);
        output.Should().Contain("error SB0005: unknown preset 'nope'");
    }

    [Fact]
    public async Task Check_MissingScript_ExitsOne()
    {
        var (code, output, _) = await RunAsync("", "check", Path.Combine(_folder, "none.csx"));

        code.Should().Be(1);
        output.Should().Contain("error SB0004");
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("check")]
    [InlineData("replay", "x.csx")]
    [InlineData("chat", "x.csx", "--frobnicate")]
    public async Task Usage_BadCommandLine_ExitsTwo(params string[] args)
    {
        var (code, output, error) = await RunAsync("", args);

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("streambot --help");
    }

    [Fact]
    public async Task Usage_MistypedCommand_OneLineNamingItAndTheCommands()
    {
        var (code, _, error) = await RunAsync("", "chta", "bot.csx");

        code.Should().Be(2);
        Lines(error).Should().Equal(
            "streambot: unknown command 'chta'; the commands are run, chat, replay, check, ingest, init, presets, auth, export.",
            "Try 'streambot --help'.");
    }

    [Fact]
    public async Task Chat_LlmUnreachableAtStart_SaysSoOnceBeforeAnyMention()
    {
        var port = ChatBotKit.Testing.LoopbackPort.GetFree();

        var (code, _, error) = await RunAsync("", "chat", Hello, "--no-watch", "--llm", $"http://127.0.0.1:{port}/v1", "--model", "m");

        code.Should().Be(0);
        Lines(error).Where(l => l.Contains("the LLM is not ready", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Contain($"127.0.0.1:{port}").And.Contain("unreachable");
    }

    [Theory]
    [InlineData("chat", "http://127.0.0.1:9/v1")]
    [InlineData("run", "ollama")]
    public async Task Llm_ServerWithoutModel_IsAUsageError(string command, string llm)
    {
        var (code, _, error) = await RunAsync("", command, Hello, "--llm", llm, "--no-watch");

        code.Should().Be(2);
        error.Should().Contain("needs --model");
    }

    [Fact]
    public async Task Ingest_BadNatsUrl_IsAUsageErrorNamingIt()
    {
        var (code, _, error) = await RunAsync("", "ingest", "--nats", "not a url");

        code.Should().Be(2);
        error.Should().Contain("--nats").And.Contain("'not a url'");
    }

    [Fact]
    public async Task Ingest_WrongPasswordInUrl_RefusedWithoutShowingThePassword()
    {
        await using var server = await ChatBotKit.Nats.Tests.Fixtures.NatsServer.StartAsync("--user", "bot", "--pass", "s3cret");

        var (code, _, error) = await RunAsync("", "ingest", "--nats", $"nats://bot:wr0ng@127.0.0.1:{server.Port}");

        code.Should().Be(1);
        error.Should().Contain("cannot reach NATS at nats://127.0.0.1:").And.NotContain("wr0ng");
    }

    [Fact]
    public async Task Llm_UnknownValue_IsAUsageErrorListingTheChoices()
    {
        var (code, _, error) = await RunAsync("", "chat", Hello, "--llm", "gpt-9", "--no-watch");

        code.Should().Be(2);
        error.Should().Contain("ollama").And.Contain("http(s) base URL");
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/v1", "http://127.0.0.1:9/v1", ChatBotKit.AI.LlmProtocol.OpenAICompatible)]
    [InlineData("ollama", "http://localhost:11434", ChatBotKit.AI.LlmProtocol.Ollama)]
    [InlineData("LMStudio", "http://localhost:1234/v1", ChatBotKit.AI.LlmProtocol.OpenAICompatible)]
    public void LlmSelection_ServerAndModel_CreatesTheBackendsClientWithMetrics(string llm, string baseUrl, ChatBotKit.AI.LlmProtocol protocol)
    {
        var selection = LlmSelection.Create(llm, "llama3.2");
        var client = selection.CreateClient!(new ChatBotBuilder("kit").Build());

        var metadata = (Microsoft.Extensions.AI.ChatClientMetadata)client.GetService(typeof(Microsoft.Extensions.AI.ChatClientMetadata))!;
        ((ChatBotKit.AI.LlmOptions)client.GetService(typeof(ChatBotKit.AI.LlmOptions))!).Protocol.Should().Be(protocol);
        client.GetService(typeof(ChatBotKit.AI.Policies.LlmMetrics)).Should().NotBeNull("the calls show in /metrics and /health");
        metadata.ProviderUri.Should().Be(new Uri(baseUrl));
        metadata.DefaultModelId.Should().Be("llama3.2");
        selection.IsOffline(new ChatBotBuilder("kit").Build()).Should().BeFalse();
    }

    [Fact]
    public async Task Chat_LlmAnswers500Once_RetriesAndTheBotReplies()
    {
        await using var server = new FlakyLlmServer(failures: 1, reply: "Hello there. How are you?");

        var (code, output, error) = await RunAsync("alice: hi @kit\n", "chat", Hello, "--llm", server.BaseUrl.ToString(), "--model", "llama3.2", "--no-watch");

        code.Should().Be(0, error);
        server.Requests.Should().Be(2);
        Lines(output).Should().ContainSingle().Which.Should().StartWith("kit: ").And.Contain("Hello there");
        error.Should().NotContain("the LLM is not ready", "the server lists the model");
    }

    [Fact]
    public void LlmSelection_AnthropicPresetWithoutKey_NamesTheVariable()
    {
        var saved = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY");
        Environment.SetEnvironmentVariable("ANTHROPIC_API_KEY", null);
        try
        {
            var act = () => LlmSelection.Create("anthropic", "claude-haiku-4-5");

            act.Should().Throw<ChatBotConfigurationException>().WithMessage("*ANTHROPIC_API_KEY*");
        }
        finally
        {
            Environment.SetEnvironmentVariable("ANTHROPIC_API_KEY", saved);
        }
    }

    [Fact]
    public async Task Help_Llm_NamesThePresets()
    {
        var (_, output, _) = await RunAsync("", "chat", "--help");

        output.Should().Contain("ollama").And.Contain("lmstudio").And.Contain("lemonade").And.Contain("openai").And.Contain("anthropic");
    }

    [Fact]
    public async Task Llm_ModelWithoutBackend_IsAUsageError()
    {
        var (code, _, error) = await RunAsync("", "chat", Hello, "--model", "llama3", "--no-watch");

        code.Should().Be(2);
        error.Should().Contain("--model needs --llm");
    }

    [Fact]
    public async Task Chat_Dice_RepliesOnStdoutWithOfflineNotice()
    {
        var (code, output, error) = await RunAsync("bob: !dice\n", "chat", Hello, "--no-watch");

        code.Should().Be(0);
        Lines(output).Should().ContainSingle().Which.Should().MatchRegex("^kit: 🎲 [1-6]$");
        Lines(error).Where(l => l.Contains("offline responder", StringComparison.Ordinal) && l.StartsWith("streambot: no LLM", StringComparison.Ordinal)).Should().ContainSingle();
        error.Should().Contain("kit is listening on the console");
        error.Should().Contain("info: Script: kit is ready", "the script's own Information logs show").And.NotContain("info: ChatBotKit", "the SDK's show from Warning up");
    }

    [Fact]
    public async Task Chat_Watching_EndsAtEndOfInput()
    {
        var (code, output, error) = await RunAsync("alice: hi @kit\n", "chat", Hello, "--llm", "offline");

        code.Should().Be(0);
        Lines(output).Should().ContainSingle().Which.Should().StartWith("kit: ");
        error.Should().Contain("watching 1 file(s)");
    }

    [Fact]
    public async Task Run_UsesTheConsoleAndSaysSo()
    {
        var (code, output, error) = await RunAsync("bob: !dice\n", "run", Hello, "--no-watch");

        code.Should().Be(0);
        Lines(output).Should().ContainSingle().Which.Should().MatchRegex("^kit: 🎲 [1-6]$");
        error.Should().Contain("declares no source").And.Contain("on the console");
        error.Should().Contain("127.0.0.1:8080", "run serves /health and /metrics on its default endpoint (or says it is taken)");
    }

    [Fact]
    public async Task Chat_ScriptError_ExitsOneWithDiagnosticsOnStderr()
    {
        var path = Write("bad.csx", "Bot.WithName(kit);\n");

        var (code, output, error) = await RunAsync("bob: !dice\n", "chat", path, "--no-watch");

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain($"{path}(1,14): error CS0103");
    }

    [Fact]
    public async Task Replay_SampleChat_WritesOnlyTranscriptJsonAndRepeatsExactly()
    {
        var first = await RunAsync("", "replay", Hello, SampleChat);
        var second = await RunAsync("", "replay", Hello, SampleChat, "--llm", "offline");

        first.Code.Should().Be(0);
        var lines = Lines(first.Out);
        lines.Should().NotBeEmpty();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            json.RootElement.TryGetProperty("text", out _).Should().BeTrue();
            json.RootElement.TryGetProperty("trigger", out _).Should().BeTrue();
        }

        lines.Should().Contain(l => l.Contains("\"trigger\":\"dice\"", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("\"text\":\"🎲 ", StringComparison.Ordinal), "UTF-8 text is written as itself, not as \\uD83C\\uDFB2");
        second.Out.Should().Be(first.Out);
    }

    [Fact]
    public async Task Chat_BotStaysQuiet_SaysWhyInWordsNamingTheMessage()
    {
        var (code, output, error) = await RunAsync("nightbot: kit, uptime is 3h\nbob: !dice\nbob: !dice\nbob: !dice\nbob: !dice\n", "chat", Hello, "--no-watch");

        code.Should().Be(0);
        Lines(output).Should().HaveCount(3);
        error.Should().Contain("(kit stays quiet about nightbot's \"kit, uptime is 3h\": nightbot is another bot)");
        error.Should().MatchRegex("\\(kit stays quiet about bob's \"!dice\": bob had all the replies allowed for now; free again in [0-9]+ s\\)");
        error.Should().NotContain("RateLimited").And.NotContain("(User)");
    }

    [Fact]
    public async Task Replay_Realtime_PacesByTimestampsAndStillWritesTheTranscript()
    {
        var log = Write("chat.jsonl", "{\"ts\":\"2026-01-01T20:00:00Z\",\"user\":\"bob\",\"text\":\"!dice\",\"id\":\"m1\"}\n");

        var (code, output, _) = await RunAsync("", "replay", Hello, log, "--realtime");

        code.Should().Be(0);
        Lines(output).Should().ContainSingle().Which.Should().Contain("\"replyTo\":\"m1\"");
    }

    [Fact]
    public async Task Replay_MissingLog_ExitsTwo()
    {
        var (code, output, error) = await RunAsync("", "replay", Hello, Path.Combine(_folder, "none.jsonl"));

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("no such chat log");
    }

    [Fact]
    public async Task Replay_ScriptError_ExitsOneAndKeepsStdoutEmpty()
    {
        var path = Write("bad.csx", "throw new Exception(\"top\");\n");

        var (code, output, error) = await RunAsync("", "replay", path, SampleChat);

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain($"{path}(1,1): error SB0001: the script threw Exception: top");
    }
}
