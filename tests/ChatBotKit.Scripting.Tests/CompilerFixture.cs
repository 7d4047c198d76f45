using ChatBotKit.Scripting;

namespace ChatBotKit.Scripting.Tests;

/// <summary>One warmed compiler for every test: the first compile is the slow one.</summary>
public sealed class CompilerFixture
{
    public CompilerFixture()
    {
        Compiler = new ScriptCompiler(new PresetLocator(Path.Combine(AppContext.BaseDirectory, "scripts", "presets")), cache: null);
        Compiler.WarmUp();
    }

    public ScriptCompiler Compiler { get; }

    public ScriptHost Host(TimeSpan? topLevelTimeout = null) =>
        new(Compiler, new ScriptHostOptions { TopLevelTimeout = topLevelTimeout ?? TimeSpan.FromSeconds(5) });
}

[CollectionDefinition(Name)]
public sealed class SharedCompiler : ICollectionFixture<CompilerFixture>
{
    public const string Name = "compiler";
}
