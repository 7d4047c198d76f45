using ChatBotKit.Scripting;

namespace ChatBotKit.Scripting.Tests;

public sealed class ScriptCompileCacheTests : IDisposable
{
    private readonly ScriptFolder _folder = new();
    private readonly ScriptFolder _cacheFolder = new();
    private readonly ScriptFolder _presetFolder = new();

    public void Dispose()
    {
        _folder.Dispose();
        _cacheFolder.Dispose();
        _presetFolder.Dispose();
    }

    [Fact]
    public void Compile_SameSourcesInANewCompiler_ComesFromTheCache()
    {
        var main = _folder.Write("bot.csx", "#load \"lib.csx\"\nBot.WithName(Name);\n");
        _folder.Write("lib.csx", "var Name = \"kit\";\n");
        var first = NewCompiler().Compile(main);

        var second = NewCompiler().Compile(main);

        // Roslyn gives every fresh compile a new MVID, so equal bytes mean the stored assembly came back.
        new ScriptCompiler(new PresetLocator(_presetFolder.Root), cache: null).Compile(main).Image.Should().NotEqual(first.Image);
        second.Image.Should().Equal(first.Image);
        second.Symbols.Should().Equal(first.Symbols);
        second.Files.Should().Equal(first.Files);
        (second.EntryType, second.EntryMethod).Should().Be((first.EntryType, first.EntryMethod));
    }

    [Fact]
    public async Task Compile_LoadedFileEdited_CompilesAgainWithTheNewContent()
    {
        var main = _folder.Write("bot.csx", "#load \"lib.csx\"\nBot.WithName(Name);\n");
        _folder.Write("lib.csx", "var Name = \"kit\";\n");
        NewCompiler().Compile(main);
        _folder.Write("lib.csx", "var Name = \"bot\";\n");

        var compiler = NewCompiler();
        using var generation = await new ScriptHost(compiler).LoadAsync(main);

        generation.Definition.Identity.Name.Should().Be("bot");
    }

    [Fact]
    public void Compile_LoadedFileBreaks_ReportsTheErrorInsteadOfTheCachedBuild()
    {
        var main = _folder.Write("bot.csx", "#load \"lib.csx\"\nBot.WithName(Name);\n");
        var lib = _folder.Write("lib.csx", "var Name = \"kit\";\n");
        NewCompiler().Compile(main);
        _folder.Write("lib.csx", "var Name = missing;\n");

        var act = () => NewCompiler().Compile(main);

        act.Should().Throw<ScriptException>().Which.Diagnostics.Should().ContainSingle(d => d.Path == lib && d.Code == "CS0103");
    }

    [Fact]
    public void Compile_PresetShadowedByAnEarlierFolder_CompilesAgain()
    {
        var later = _presetFolder.Write("b/greet.csx", "var Greeting = \"hi\";\n");
        var main = _folder.Write("bot.csx", "#load \"preset:greet\"\nBot.WithName(\"kit\");\n");
        var presets = new PresetLocator(Path.Combine(_presetFolder.Root, "a"), Path.GetDirectoryName(later)!);
        new ScriptCompiler(presets, Cache()).Compile(main).Files.Should().Contain(later);
        var earlier = _presetFolder.Write("a/greet.csx", "var Greeting = \"hello\";\n");

        var files = new ScriptCompiler(presets, Cache()).Compile(main).Files;

        files.Should().Contain(earlier).And.NotContain(later);
    }

    [Fact]
    public void TryLoad_CorruptEntry_Misses()
    {
        var main = _folder.Write("bot.csx", "Bot.WithName(\"kit\");\n");
        var compiler = NewCompiler();
        compiler.Compile(main);
        foreach (var entry in Directory.EnumerateFiles(_cacheFolder.Root))
        {
            File.WriteAllBytes(entry, [1, 0, 0, 0, 9]);
        }

        Cache().TryLoad(main, compiler.Presets).Should().BeNull();
        NewCompiler().Compile(main).Image.Should().NotBeEmpty();
    }

    private ScriptCompileCache Cache() => new(_cacheFolder.Root);

    private ScriptCompiler NewCompiler() => new(new PresetLocator(_presetFolder.Root), Cache());

}
