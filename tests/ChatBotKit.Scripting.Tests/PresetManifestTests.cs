using ChatBotKit.Scripting;

namespace ChatBotKit.Scripting.Tests;

[Collection(SharedCompiler.Name)]
public sealed class PresetManifestTests(CompilerFixture fixture) : IDisposable
{
    private const string Quotes = """
        // A quote keeper.
        //! name: quotes
        //! description: Keeps the channel's best lines: !quote and !addquote.
        //! author: someone
        //! version: 1.2.0
        //! needs: Quotes:Channel
        //! needs: Quotes:Title

        Bot.OnCommand("quote", _ => "\"gg\" — everyone");
        //! needs: Ignored:AfterCode
        """;

    private readonly ScriptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Read_TheHeader_GivesEveryField_AndStopsAtTheFirstCode()
    {
        var path = _folder.Write("presets/quotes.csx", Quotes);

        var manifest = PresetManifest.Read(path);

        (manifest.Name, manifest.Description, manifest.Author, manifest.Version).Should().Be(("quotes", "Keeps the channel's best lines: !quote and !addquote.", "someone", "1.2.0"));
        manifest.Needs.Should().Equal(("Quotes:Channel", 6), ("Quotes:Title", 7));
    }

    [Fact]
    public void Read_AFileWithoutHeader_IsNamedByItsFile()
    {
        var path = _folder.Write("presets/plain.csx", "Bot.OnMention();\n");

        var manifest = PresetManifest.Read(path);

        (manifest.Name, manifest.Description, manifest.Needs.Count).Should().Be(("plain", null, 0));
    }

    [Fact]
    public async Task Load_APresetWhoseSettingIsMissing_NamesTheKeyAndTheLine()
    {
        var preset = _folder.Write("presets/quotes.csx", Quotes);
        var main = _folder.Write("bot.csx", "#load \"preset:quotes\"\nBot.WithName(\"kit\");\n");
        var host = new ScriptHost(fixture.Compiler, new ScriptHostOptions { Config = new Dictionary<string, string> { ["Quotes:Title"] = "Best of" } });

        var error = await Assert.ThrowsAsync<ScriptException>(() => host.LoadAsync(main));

        var diagnostic = error.Diagnostics.Should().ContainSingle().Subject;
        (diagnostic.Path, diagnostic.Line, diagnostic.Code).Should().Be((preset, 6, ScriptDiagnostic.MissingPresetSetting));
        diagnostic.Message.Should().Contain("preset 'quotes' needs the setting 'Quotes:Channel'");
    }

    [Fact]
    public async Task Load_APresetWhoseSettingsAreSet_Loads()
    {
        _folder.Write("presets/quotes.csx", Quotes);
        var main = _folder.Write("bot.csx", "#load \"preset:quotes\"\nBot.WithName(\"kit\");\n");
        var host = new ScriptHost(fixture.Compiler, new ScriptHostOptions
        {
            Config = new Dictionary<string, string> { ["Quotes:Channel"] = "speedruns", ["Quotes:Title"] = "Best of" },
        });

        using var generation = await host.LoadAsync(main);

        generation.Definition.Triggers.Should().ContainSingle();
    }
}
