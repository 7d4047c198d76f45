namespace ChatBotKit.Cli.Tests;

public sealed class ConfigurationTests(WarmCompiler warm) : IClassFixture<WarmCompiler>, IDisposable
{
    private const string Log = """{"ts":"2026-01-01T20:00:00Z","user":"bob","text":"!dice","id":"m1"}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("streambot-config-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_folder, name);

    private async Task<int> ReplayAsync(string reply, params string[] extra)
    {
        File.WriteAllText(Path("bot.csx"), $"Bot.WithName(\"kit\").OnCommand(\"dice\", ctx => {reply});");
        File.WriteAllText(Path("chat.jsonl"), Log + "\n");
        return await StreambotApp.RunAsync(["replay", Path("bot.csx"), Path("chat.jsonl"), .. extra], new CliStreams(new StringReader(""), _out, _error), warm.Compiler);
    }

    [Fact]
    public async Task Replay_BotYamlBesideTheScript_ScriptSeesItsValuesInConfig()
    {
        File.WriteAllText(Path("bot.yaml"), "Greeting:\n  Text: hello from yaml\n");

        var code = await ReplayAsync("Config[\"Greeting:Text\"]");

        code.Should().Be(0, because: _error.ToString());
        _out.ToString().Should().Contain("hello from yaml");
    }

    [Fact]
    public async Task Replay_ConfigOptionJson_WinsOverBotYamlAndPrefixedEnvironmentOverridesIt()
    {
        File.WriteAllText(Path("bot.yaml"), "A: from yaml\n");
        File.WriteAllText(Path("other.json"), """{"A": "from json", "B": "json b"}""");
        var variable = "Test" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(CliConfiguration.EnvironmentPrefix + variable + "__B", "env b");
        try
        {
            var code = await ReplayAsync($"Config[\"A\"] + \"|\" + Config.GetValueOrDefault(\"{variable}:B\")", "--config", Path("other.json"));

            code.Should().Be(0, because: _error.ToString());
            _out.ToString().Should().Contain("from json|env b");
        }
        finally
        {
            Environment.SetEnvironmentVariable(CliConfiguration.EnvironmentPrefix + variable + "__B", null);
        }
    }

    [Fact]
    public async Task Chat_InvalidValueInBotYaml_ExitsOneNamingKeyFileAndLine()
    {
        File.WriteAllText(Path("bot.yaml"), "ChatBotKit:\n  Http:\n    Enabled: true\n    Endpoint: nowhere\n");
        File.WriteAllText(Path("bot.csx"), "Bot.WithName(\"kit\");");

        var code = await StreambotApp.RunAsync(["chat", Path("bot.csx")], new CliStreams(new StringReader(""), _out, _error), warm.Compiler);

        code.Should().Be(1);
        _error.ToString().Should().Contain($"ChatBotKit:Http:Endpoint ({Path("bot.yaml")}(4)): 'nowhere' is not valid");
    }

    [Fact]
    public async Task Run_SecretInConfigFile_ExitsOneNamingTheEnvironmentVariable()
    {
        File.WriteAllText(Path("bot.yaml"), "Twitch:\n  OAuthToken: oauth:abc123\n");
        File.WriteAllText(Path("bot.csx"), "Bot.WithName(\"kit\");");

        var code = await StreambotApp.RunAsync(["run", Path("bot.csx"), "--http", "off"], new CliStreams(new StringReader(""), _out, _error), warm.Compiler);

        code.Should().Be(1);
        _error.ToString().Should().Contain("Twitch:OAuthToken").And.Contain("Set the environment variable STREAMBOT_TWITCH__OAUTHTOKEN instead").And.NotContain("abc123");
    }

    [Fact]
    public async Task Replay_ConfigFileThatIsNotJsonOrYaml_IsAUsageError()
    {
        File.WriteAllText(Path("bot.ini"), "A=1\n");

        var code = await ReplayAsync("\"x\"", "--config", Path("bot.ini"));

        code.Should().Be(2);
        _error.ToString().Should().Contain("expected a .json, .yaml or .yml file");
    }

    [Fact]
    public async Task Replay_MalformedJsonConfig_ExitsOneNamingTheFile()
    {
        File.WriteAllText(Path("appsettings.json"), "{ \"A\": ");

        var code = await ReplayAsync("\"x\"");

        code.Should().Be(1);
        _error.ToString().Should().Contain("appsettings.json");
    }

    [Fact]
    public async Task Replay_ConfigEnablesHttp_ServesHealthWithoutTheHttpOption()
    {
        File.WriteAllText(Path("bot.yaml"), "ChatBotKit:\n  Http:\n    Enabled: true\n    Endpoint: 127.0.0.1:0\n");

        var code = await ReplayAsync("\"x\"");

        code.Should().Be(0, because: _error.ToString());
        _error.ToString().Should().Contain("serving http://127.0.0.1:");
    }

    [Fact]
    public async Task Check_ScriptReadingConfig_UsesBotYamlBesideIt()
    {
        File.WriteAllText(Path("bot.yaml"), "Bot:\n  Name: yamlbot\n");
        File.WriteAllText(Path("bot.csx"), "Bot.WithName(Config[\"Bot:Name\"]);");

        var code = await StreambotApp.RunAsync(["check", Path("bot.csx")], new CliStreams(new StringReader(""), _out, _error), warm.Compiler);

        code.Should().Be(0, because: _out.ToString() + _error);
        _out.ToString().Should().Contain("ok: bot 'yamlbot'");
    }
}
