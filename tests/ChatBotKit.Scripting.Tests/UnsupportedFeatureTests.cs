using ChatBotKit.Scripting;

namespace ChatBotKit.Scripting.Tests;

[Collection(SharedCompiler.Name)]
public sealed class UnsupportedFeatureTests(CompilerFixture fixture) : IDisposable
{
    private readonly ScriptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Compile_ReferenceDirective_ReportsNotSupportedAtTheDirective()
    {
        var path = _folder.Write("bot.csx", "// extra assembly\n#r \"Newtonsoft.Json.dll\"\nBot.WithName(\"kit\");\n");

        var diagnostic = Assert.Throws<ScriptException>(() => fixture.Compiler.Compile(path)).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.ToString().Should().StartWith($"{path}(2,1): error SB0006: #r is not supported");
        diagnostic.Message.Should().Contain("referenced for you");
    }

    [Fact]
    public void Compile_ReferenceDirectiveInLoadedFile_PointsAtTheLoadedFile()
    {
        var helper = _folder.Write("lib/helper.csx", "#r \"nuget: Humanizer, 2.14.1\"\n");
        var main = _folder.Write("bot.csx", "#load \"lib/helper.csx\"\nBot.WithName(\"kit\");\n");

        var diagnostic = Assert.Throws<ScriptException>(() => fixture.Compiler.Compile(main)).Diagnostics.Should().ContainSingle().Subject;

        (diagnostic.Path, diagnostic.Line, diagnostic.Column, diagnostic.Code).Should().Be((helper, 1, 1, ScriptDiagnostic.ReferenceNotSupported));
    }

    [Fact]
    public void Compile_DynamicVariable_ReportsDynamicNotSupportedWithLineAndColumn()
    {
        var path = _folder.Write("bot.csx", "Bot.WithName(\"kit\");\nvar n = 1;\n  dynamic box = n;\nLog.LogInformation(\"{Box}\", box.ToString());\n");

        var diagnostics = Assert.Throws<ScriptException>(() => fixture.Compiler.Compile(path)).Diagnostics;

        diagnostics.Should().ContainSingle(d => d.Code == ScriptDiagnostic.DynamicNotSupported).Which.ToString()
            .Should().Be($"{path}(3,3): error SB0007: 'dynamic' is not supported in scripts: declare a concrete type (or var, object) instead");
        diagnostics.Should().OnlyContain(d => d.Code == ScriptDiagnostic.DynamicNotSupported || d.Line != 3);
    }

    [Fact]
    public void Compile_DynamicAsParameterType_IsRejected()
    {
        var path = _folder.Write("bot.csx", "string Show(dynamic value) => \"x\";\nBot.WithName(\"kit\");\n");

        var diagnostics = Assert.Throws<ScriptException>(() => fixture.Compiler.Compile(path)).Diagnostics;

        diagnostics.Should().Contain(d => d.Code == ScriptDiagnostic.DynamicNotSupported && d.Line == 1 && d.Column == 13);
    }

    [Fact]
    public void Compile_WordDynamicAsNameOrText_IsAllowed()
    {
        var path = _folder.Write("bot.csx", "// dynamic replies\nvar dynamic = \"dynamic\";\nBot.WithName(\"kit\").OnCommand(\"mode\", ctx => dynamic);\n");

        var script = fixture.Compiler.Compile(path);

        script.Warnings.Should().BeEmpty();
    }
}
