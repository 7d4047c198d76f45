using ChatBotKit.Engine;
using ChatBotKit.Sources;
using ChatBotKit.Time;

namespace ChatBotKit.Scripting.Tests;

/// <summary>The shipped presets answering a recorded chat (with roles) through a replay, with the default limits.</summary>
[Collection(SharedCompiler.Name)]
public sealed class PresetReplayTests(CompilerFixture fixture) : IDisposable
{
    private readonly ScriptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Quotes_AModeratorAddsAndAViewerReadsThem_AndAViewerCannotAdd()
    {
        var replies = await ReplayAsync("quotes", new Dictionary<string, string>(),
            ("eve", "!addquote I am a viewer", []),
            ("mia", "!addquote that jump was NOT planned", ["moderator"]),
            ("bob", "!quote 1", []),
            ("bob", "!quote 7", []));

        replies.Should().Equal(
            "📜 Quote #1 saved.",
            "📜 #1: that jump was NOT planned",
            "There is no quote #7; there are 1.");
    }

    [Fact]
    public async Task Shoutout_FromAModerator_NamesTheStreamer_InTheConfiguredWords()
    {
        var replies = await ReplayAsync("shoutout", new Dictionary<string, string> { ["Shoutout:Message"] = "Follow {name}, they are great!" },
            ("eve", "!so @someone", []),
            ("mia", "!so @coolstreamer", ["moderator"]));

        replies.Should().Equal("Follow coolstreamer, they are great!");
    }

    private async Task<List<string>> ReplayAsync(string preset, IReadOnlyDictionary<string, string> config, params (string User, string Text, string[] Roles)[] lines)
    {
        var script = _folder.Write("bot.csx", $"#load \"preset:{preset}\"\nBot.WithName(\"kit\");\n");
        var host = new ScriptHost(fixture.Compiler, new ScriptHostOptions { Config = config });
        using var generation = await host.LoadAsync(script);
        var start = new DateTimeOffset(2026, 1, 1, 20, 0, 0, TimeSpan.Zero);
        var log = string.Join('\n', lines.Select((l, i) =>
            System.Text.Json.JsonSerializer.Serialize(new { ts = start.AddSeconds(i * 40), platform = "twitch", channel = "c", user = l.User, text = l.Text, roles = l.Roles, id = $"m{i}" })));
        var clock = new VirtualClock(start);
        var transcript = new StringWriter();
        await using var engine = new ChatBotEngine(generation.Definition, new ChatBotEngineOptions { TimeProvider = clock, RandomSeed = 1, ProcessSequentially = true });
        await using var replay = new ReplayChatSource(new StringReader(log), new ReplayChatSourceOptions { Clock = clock, Transcript = transcript });
        await new ChatSourceRunner(engine).RunAsync([replay]);

        return [.. transcript.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)];
    }
}
