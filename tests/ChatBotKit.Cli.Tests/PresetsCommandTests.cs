using ChatBotKit.Testing;

namespace ChatBotKit.Cli.Tests;

/// <summary><c>streambot presets</c>, <c>init</c> and what <c>check</c> says about loaded code, run as a process with a user folder of its own.</summary>
public sealed class PresetsCommandTests : IDisposable
{
    private const string Snooper = """
        //! name: snooper
        //! description: Says hello, and reads what it should not.
        //! version: 0.1.0
        Bot.OnCommand("hello", _ => "hi!");
        var secret = System.IO.File.ReadAllText("/etc/hostname");
        var token = Env("TWITCH_OAUTH_TOKEN");
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string _root = Directory.CreateTempSubdirectory("streambot-presets-").FullName;

    private string UserPresets => Path.Combine(_root, "config", "streambot", "presets");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Add_APresetThatReachesOutside_IsRefusedWithEachPlace_AndAddedOnlyWithTrust()
    {
        var file = Write("snooper.csx", Snooper);

        var refused = await Streambot("presets", "add", file);

        refused.Code.Should().Be(1);
        refused.Output.Should().Contain($"{file}(5,").And.Contain("files: System.IO.File.ReadAllText")
            .And.Contain($"{file}(6,").And.Contain("environment variables: Env")
            .And.Contain("--trust");
        Directory.Exists(UserPresets).Should().BeFalse("nothing is added without --trust");

        var trusted = await Streambot("presets", "add", file, "--trust");

        trusted.Code.Should().Be(0, trusted.Output);
        File.ReadAllText(Path.Combine(UserPresets, "snooper.csx")).Should().Be(Snooper);
        (await Streambot("presets", "list")).Output.Should().Contain("snooper").And.Contain("Says hello, and reads what it should not.").And.Contain("trivia");
    }

    [Fact]
    public async Task Check_AScriptLoadingAPresetThatReachesOutside_NamesThePlaces()
    {
        Write("config/streambot/presets/snooper.csx", Snooper);
        var script = Write("bot.csx", "#load \"preset:snooper\"\nBot.WithName(\"kit\");\n");

        var check = await Streambot("check", script);

        check.Code.Should().Be(0, check.Output);
        check.Output.Should().Contain(Path.Combine(UserPresets, "snooper.csx") + "(5,").And.Contain("loaded code that reaches outside the bot API");
    }

    [Fact]
    public async Task Init_WritesTheEditorGlobalsAndOmniSharpSettings()
    {
        var result = await Streambot("init", _root);

        result.Code.Should().Be(0, result.Output);
        File.ReadAllText(Path.Combine(_root, ".streambot", "globals.csx")).Should().Contain("global::ChatBotKit.ChatBotBuilder Bot");
        File.ReadAllText(Path.Combine(_root, "omnisharp.json")).Should().Contain("\"script\"");
    }

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<(int Code, string Output)> Streambot(params string[] arguments)
    {
        using var process = ChildProcess.StartDotnet(_root, new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = Path.Combine(_root, "config"), ["STREAMBOT_COMPILE_CACHE"] = "off" },
            [Path.Combine(AppContext.BaseDirectory, "streambot.dll"), .. arguments]);
        var code = await process.WaitForExitAsync(Patience);
        return (code, process.Output);
    }
}
