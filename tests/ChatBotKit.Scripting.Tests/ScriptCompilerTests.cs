using ChatBotKit.Scripting;

namespace ChatBotKit.Scripting.Tests;

[Collection(SharedCompiler.Name)]
public sealed class ScriptCompilerTests(CompilerFixture fixture) : IDisposable
{
    private readonly ScriptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Compile_ErrorInMainScript_ReportsPathLineAndColumn()
    {
        var path = _folder.Write("bot.csx", "Bot.WithName(\"kit\");\nint x = \"text\";\n");

        var act = () => fixture.Compiler.Compile(path);

        var error = act.Should().Throw<ScriptException>().Which;
        error.Should().BeAssignableTo<ChatBotKitException>();
        error.Diagnostics.Should().ContainSingle(d => d.IsError).Which.ToString()
            .Should().StartWith($"{path}(2,9): error CS0029: ");
    }

    [Fact]
    public void Compile_NullableAnnotations_CompileWithoutWarnings()
    {
        var path = _folder.Write("bot.csx", "string? Greeting(string? name) => name is null ? null : $\"hi {name}\";\nBot.WithName(\"kit\");\nstring s = Greeting(null);\n");

        var compiled = fixture.Compiler.Compile(path);

        compiled.Warnings.Should().BeEmpty("annotations are allowed, and nullable-flow warnings are not shown to script authors");
    }

    [Theory]
    [InlineData("cohost")]
    [InlineData("moderation")]
    [InlineData("trivia")]
    public void Compile_ShippedPreset_HasNoWarnings(string preset)
    {
        var path = _folder.Write("bot.csx", $"#load \"preset:{preset}\"\n");

        fixture.Compiler.Compile(path).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Compile_ErrorInLoadedFile_PointsAtTheLoadedFile()
    {
        var helper = _folder.Write("lib/helpers.csx", "// helpers\nvar y = undefinedVariable;\n");
        var main = _folder.Write("bot.csx", "#load \"lib/helpers.csx\"\nBot.WithName(\"kit\");\n");

        var act = () => fixture.Compiler.Compile(main);

        act.Should().Throw<ScriptException>().Which.Diagnostics.Should().ContainSingle().Which.ToString()
            .Should().Be($"{helper}(2,9): error CS0103: The name 'undefinedVariable' does not exist in the current context");
    }

    [Fact]
    public void Compile_ErrorsInSeveralFiles_AreAllReportedInFileOrder()
    {
        _folder.Write("b.csx", "var b = missingB;\n");
        var main = _folder.Write("a.csx", "#load \"b.csx\"\nvar a = missingA;\n");

        var diagnostics = Assert.Throws<ScriptException>(() => fixture.Compiler.Compile(main)).Diagnostics;

        diagnostics.Select(d => (Path.GetFileName(d.Path), d.Line, d.Code)).Should().Equal(("a.csx", 2, "CS0103"), ("b.csx", 1, "CS0103"));
    }

    [Fact]
    public void Compile_MissingLoadFile_ReportsTheDirective()
    {
        var main = _folder.Write("bot.csx", "// needs a helper\n#load \"nope.csx\"\nBot.WithName(\"kit\");\n");

        var diagnostic = Assert.Throws<ScriptException>(() => fixture.Compiler.Compile(main)).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Should().Match<ScriptDiagnostic>(d => d.Path == main && d.Line == 2 && d.Code == "CS1504");
    }

    [Fact]
    public void Compile_UnknownPreset_NamesThePresetAndTheAvailableOnes()
    {
        var main = _folder.Write("bot.csx", "#load \"preset:nosuch\"\n");

        var diagnostic = Assert.Throws<ScriptException>(() => fixture.Compiler.Compile(main)).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.ToString().Should().Be($"{main}(1,7): error SB0005: unknown preset 'nosuch' (available: cohost, moderation, quotes, shoutout, trivia, welcome)");
    }

    [Fact]
    public void Compile_MissingScript_ReportsIt()
    {
        var path = Path.Combine(_folder.Root, "gone.csx");

        var diagnostic = Assert.Throws<ScriptException>(() => fixture.Compiler.Compile(path)).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Should().Match<ScriptDiagnostic>(d => d.Path == path && d.Code == ScriptDiagnostic.MissingScript);
    }

    [Fact]
    public void Compile_ScriptWithLoads_ListsEveryFileToWatch()
    {
        var helper = _folder.Write("lib/helpers.csx", "static int Three() => 3;\n");
        var main = _folder.Write("bot.csx", "#load \"lib/helpers.csx\"\n#load \"preset:cohost\"\nBot.WithName(\"kit\");\n");

        var script = fixture.Compiler.Compile(main);

        script.Files.Should().BeEquivalentTo(main, helper, fixture.Compiler.Presets.Find("cohost"));
    }

    [Fact]
    public void Compile_ScriptUsingUri_Compiles()
    {
        var path = _folder.Write("bot.csx", "var server = new Uri(\"ircs://irc.example:6697\");\nBot.WithName(server.Host.Split('.')[0]);\n");

        var act = () => fixture.Compiler.Compile(path);

        act.Should().NotThrow();
    }

    [Fact]
    public void PresetLocator_SearchesFoldersInOrder()
    {
        var first = Path.Combine(_folder.Root, "first");
        var second = Path.Combine(_folder.Root, "second");
        _folder.Write("first/a.csx", "");
        _folder.Write("second/a.csx", "");
        _folder.Write("second/b.csx", "");

        var locator = new PresetLocator(first, second);

        locator.Find("a").Should().Be(Path.Combine(first, "a.csx"));
        locator.Find("b").Should().Be(Path.Combine(second, "b.csx"));
        locator.Find("c").Should().BeNull();
        locator.Find("../first/a").Should().BeNull();
        locator.Available().Should().Equal("a", "b");
    }

    [Fact]
    public void PresetLocator_Default_SearchesTheUsersPresetsThenThoseShippedNextToTheTool()
    {
        var locator = PresetLocator.CreateDefault();

        locator.Folders.Take(2).Should().Equal(PresetLocator.UserFolder, Path.Combine(AppContext.BaseDirectory, "scripts", "presets"));
        locator.Find("trivia").Should().Be(Path.Combine(AppContext.BaseDirectory, "scripts", "presets", "trivia.csx"));
    }

    [Fact]
    public void Compile_APresetInTheScriptsOwnPresetsFolder_WinsOverTheShippedOne()
    {
        var own = _folder.Write("presets/trivia.csx", "Bot.OnCommand(\"trivia\", _ => \"my own trivia\");\n");
        var main = _folder.Write("bot.csx", "#load \"preset:trivia\"\nBot.WithName(\"kit\");\n");

        fixture.Compiler.Compile(main).Files.Should().BeEquivalentTo([main, own]);
    }
}
