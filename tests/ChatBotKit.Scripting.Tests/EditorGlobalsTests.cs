using System.Collections.Immutable;
using ChatBotKit.Scripting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChatBotKit.Scripting.Tests;

[Collection(SharedCompiler.Name)]
public sealed class EditorGlobalsTests(CompilerFixture fixture) : IDisposable
{
    private const string Script = """
        #load ".streambot/globals.csx"
        using System.Collections.Generic;
        using ChatBotKit;
        using ChatBotKit.Prompting;
        using ChatBotKit.RateLimiting;
        using Microsoft.Extensions.Logging;

        Bot.WithName(Config.GetValueOrDefault("Bot:Name", "kit"))
           .WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short)
           .OnCommand("dice", ctx => $"🎲 {ctx.Random.Next(1, 7)}");
        Bot.WithRateLimits(r => r with { PerUser = [RateWindow.PerMinute(3)] });
        var token = Env("TWITCH_OAUTH_TOKEN");
        OnStart(() => Log.LogInformation("ready"));
        """;

    private readonly ScriptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheStub_CompilesAsAnEditorWould_AndBotResolvesToTheBuilder()
    {
        EditorGlobals.Write(_folder.Root).Should().BeTrue();
        var path = _folder.Write("bot.csx", Script);

        // An editor's loose-file handling: a script with #load and #r resolved from disk, the framework referenced, no globals type.
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = new[] { "System.Runtime.dll", "System.Collections.dll", "System.Linq.dll", "System.Private.CoreLib.dll" }
            .Select(f => MetadataReference.CreateFromFile(Path.Combine(framework, f)));
        var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script), path);
        var compilation = CSharpCompilation.CreateScriptCompilation(
            "editor", tree, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                sourceReferenceResolver: new SourceFileResolver([], _folder.Root),
                metadataReferenceResolver: new FileReferences(),
                nullableContextOptions: NullableContextOptions.Annotations));

        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
        var bot = tree.GetRoot().DescendantNodes().OfType<IdentifierNameSyntax>().First(n => n.Identifier.ValueText == "Bot");
        compilation.GetSemanticModel(tree).GetTypeInfo(bot).Type!.ToDisplayString().Should().Be(typeof(ChatBotBuilder).FullName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheHost_ReadsTheStubAsEmpty_WhetherOrNotItExists(bool written)
    {
        if (written)
        {
            EditorGlobals.Write(_folder.Root);
        }

        var path = _folder.Write("bot.csx", Script + "\nundefinedName();\n");

        var error = Assert.Throws<ScriptException>(() => fixture.Compiler.Compile(path)).Diagnostics.Should().ContainSingle().Subject;

        (error.Path, error.Line, error.Code).Should().Be((path, 14, "CS0103"), "the real globals bind and the script's line numbers are its own");
    }

    [Fact]
    public void TheStub_IsNotOneOfTheScriptsFiles()
    {
        EditorGlobals.Write(_folder.Root);
        var path = _folder.Write("bot.csx", Script);

        fixture.Compiler.Compile(path).Files.Should().Equal(path);
    }

    [Fact]
    public void Write_AnUpToDateStub_IsLeftAlone_AndAStaleOneIsWrittenAgain()
    {
        EditorGlobals.Write(_folder.Root).Should().BeTrue();
        EditorGlobals.Write(_folder.Root).Should().BeFalse();

        File.WriteAllText(Path.Combine(_folder.Root, EditorGlobals.RelativePath), "// from an older streambot\n");

        EditorGlobals.Write(_folder.Root).Should().BeTrue();
        File.ReadAllText(Path.Combine(_folder.Root, EditorGlobals.RelativePath)).Should().Contain($"streambot {EditorGlobals.Version}");
    }

    /// <summary>Resolves <c>#r "path"</c> to the file, as an editor does.</summary>
    private sealed class FileReferences : MetadataReferenceResolver
    {
        public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
            File.Exists(reference) ? [MetadataReference.CreateFromFile(reference, properties)] : [];

        public override bool Equals(object? other) => other is FileReferences;

        public override int GetHashCode() => 1;
    }
}
