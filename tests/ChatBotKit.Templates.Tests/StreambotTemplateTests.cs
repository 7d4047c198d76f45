namespace ChatBotKit.Templates.Tests;

/// <summary><c>dotnet new streambot</c> from the packed template, checked and replayed with the installed tool.</summary>
[Collection(LocalFeedGroup.Name)]
public sealed class StreambotTemplateTests(LocalFeed feed)
{
    private const string Chat = """
        {"ts":"2026-01-01T20:00:00Z","platform":"twitch","channel":"speedruns","user":"alice","text":"hi everyone","id":"m1"}
        {"ts":"2026-01-01T20:00:09Z","platform":"twitch","channel":"speedruns","user":"bob","text":"!dice","id":"m2"}
        """;

    [Theory]
    [InlineData("console")]
    [InlineData("twitch")]
    [InlineData("youtube")]
    [InlineData("cytube")]
    public async Task EachPlatform_MakesABotThatChecksAndAnswersDice(string platform)
    {
        var folder = Path.Combine(feed.Work, $"bot-{platform}");

        var created = await feed.New("streambot", "-n", "pixel", "-o", folder, "--platform", platform);
        created.ExitCode.Should().Be(0, created.ToString());
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName)
            .Should().BeEquivalentTo(["bot.csx", "bot.yaml", ".gitignore", "README.md"]);

        var check = await feed.RunStreambot(folder, "check", "bot.csx");
        check.ExitCode.Should().Be(0, check.ToString());
        check.Output.Should().Contain("ok: bot 'pixel'");

        File.WriteAllText(Path.Combine(folder, "chat.jsonl"), Chat);
        var replay = await feed.RunStreambot(folder, "replay", "bot.csx", "chat.jsonl");
        replay.ExitCode.Should().Be(0, replay.ToString());
        replay.Output.Should().MatchRegex("\"text\":\"🎲 [1-6]\"");
    }

    [Theory]
    [InlineData("twitch", "Twitch:", "using ChatBotKit.Twitch;")]
    [InlineData("youtube", "YouTube:", "using ChatBotKit.YouTube;")]
    [InlineData("cytube", "CyTube:", "using ChatBotKit.CyTube;")]
    public async Task APlatform_AsksOnlyForItsOwnSettings(string platform, string section, string import)
    {
        var folder = Path.Combine(feed.Work, $"settings-{platform}");

        (await feed.New("streambot", "-n", "pixel", "-o", folder, "--platform", platform)).ExitCode.Should().Be(0);

        var settings = File.ReadAllText(Path.Combine(folder, "bot.yaml"));
        var script = File.ReadAllText(Path.Combine(folder, "bot.csx"));
        settings.Should().Contain(section).And.Contain("Name: pixel");
        script.Should().Contain(import).And.NotContain("#if").And.NotContain("#endif");
        foreach (var other in new[] { "Twitch:", "YouTube:", "CyTube:" }.Where(s => s != section))
        {
            settings.Should().NotContain(other);
        }
    }

    [Fact]
    public async Task AnUnknownPlatform_IsRefusedNamingTheChoices()
    {
        var folder = Path.Combine(feed.Work, "unknown-platform");

        var created = await feed.New("streambot", "-n", "pixel", "-o", folder, "--platform", "myspace");

        created.ExitCode.Should().NotBe(0);
        created.Output.Should().Contain("myspace").And.Contain("twitch");
        Directory.Exists(folder).Should().BeFalse("nothing is written for a refused choice");
    }

    [Fact]
    public async Task AnExistingBot_IsNotOverwritten()
    {
        var folder = Path.Combine(feed.Work, "existing");
        (await feed.New("streambot", "-n", "pixel", "-o", folder)).ExitCode.Should().Be(0);
        File.WriteAllText(Path.Combine(folder, "bot.csx"), "// my own bot");

        var again = await feed.New("streambot", "-n", "pixel", "-o", folder);

        again.ExitCode.Should().NotBe(0);
        again.Output.Should().Contain("bot.csx");
        File.ReadAllText(Path.Combine(folder, "bot.csx")).Should().Be("// my own bot");
    }
}
