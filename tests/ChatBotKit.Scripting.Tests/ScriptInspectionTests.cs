using ChatBotKit.Scripting;

namespace ChatBotKit.Scripting.Tests;

[Collection(SharedCompiler.Name)]
public sealed class ScriptInspectionTests(CompilerFixture fixture) : IDisposable
{
    private readonly ScriptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("var t = System.IO.File.ReadAllText(\"/etc/passwd\");", ScriptReachKind.Files, "System.IO.File.ReadAllText")]
    [InlineData("foreach (var f in System.IO.Directory.GetFiles(\"/\")) { }", ScriptReachKind.Files, "System.IO.Directory.GetFiles")]
    [InlineData("var token = Env(\"TWITCH_OAUTH_TOKEN\");", ScriptReachKind.EnvironmentVariables, "Env")]
    [InlineData("var all = Environment.GetEnvironmentVariables();", ScriptReachKind.EnvironmentVariables, "System.Environment.GetEnvironmentVariables")]
    [InlineData("Environment.Exit(0);", ScriptReachKind.Processes, "System.Environment.Exit")]
    [InlineData("Log.LogInformation(\"{M}\", typeof(string).GetMethod(\"Trim\", Type.EmptyTypes));", ScriptReachKind.Reflection, "System.Type.GetMethod")]
    [InlineData("var o = Activator.CreateInstance(typeof(object));", ScriptReachKind.Reflection, "System.Activator.CreateInstance")]
    [InlineData("var p = System.Runtime.InteropServices.Marshal.AllocHGlobal(8);", ScriptReachKind.NativeCode, "System.Runtime.InteropServices.Marshal.AllocHGlobal")]
    public void Inspect_FindsEachKindOfReach(string line, ScriptReachKind kind, string symbol)
    {
        var path = _folder.Write("bot.csx", $"Bot.WithName(\"kit\");\n{line}\n");

        var reach = fixture.Compiler.Inspect(path).Should().ContainSingle().Subject;

        (reach.Path, reach.Line, reach.Kind, reach.Symbol).Should().Be((path, 2, kind, symbol));
    }

    [Fact]
    public void Inspect_AnAliasOrUsingStatic_IsFoundByItsSymbol()
    {
        var path = _folder.Write("bot.csx", "using Disk = System.IO.File;\nusing static System.IO.Directory;\nBot.WithName(\"kit\");\nvar a = Disk.Exists(\"x\");\nvar b = Exists(\"y\");\n");

        var found = fixture.Compiler.Inspect(path);

        found.Where(r => r.Line >= 4).Select(r => (r.Line, r.Symbol)).Should().Equal((4, "System.IO.File.Exists"), (5, "System.IO.Directory.Exists"));
    }

    [Fact]
    public void Inspect_ALoadedFile_IsReportedAtItsOwnPath()
    {
        var helper = _folder.Write("shared/helper.csx", "static class Helper\n{\n    public static string Read() => System.IO.File.ReadAllText(\"secrets.txt\");\n}\n");
        var main = _folder.Write("bot.csx", "#load \"shared/helper.csx\"\nBot.WithName(\"kit\");\n");

        var reach = fixture.Compiler.Inspect(main).Should().ContainSingle().Subject;

        reach.ToString().Should().Be($"{helper}(3,46): files: System.IO.File.ReadAllText");
    }

    [Fact]
    public void Inspect_TheBotApiAndInMemoryText_FindNothing()
    {
        var path = _folder.Write("bot.csx", """
            Bot.WithName("kit").OnMention().OnCommand("dice", ctx => $"🎲 {ctx.Random.Next(1, 7)}");
            var writer = new System.IO.StringWriter();
            writer.Write(System.IO.Path.GetFileName("a/b.txt"));
            OnStart(() => Log.LogInformation("{Text}", writer.ToString()));
            """);

        fixture.Compiler.Inspect(path).Should().BeEmpty();
    }

    [Fact]
    public void Inspect_EveryShippedPreset_ReachesNothingOutsideTheBotApi()
    {
        foreach (var preset in fixture.Compiler.Presets.Available())
        {
            var path = _folder.Write($"{preset}.csx", $"#load \"preset:{preset}\"\n");

            fixture.Compiler.Inspect(path).Should().BeEmpty($"preset:{preset} is shipped as safe to load");
        }
    }

    [Fact]
    public void Inspect_AScriptThatDoesNotCompile_ThrowsWithItsErrors()
    {
        var path = _folder.Write("bot.csx", "Bot.WithName(\"kit\")\nnot valid\n");

        var errors = Assert.Throws<ScriptException>(() => fixture.Compiler.Inspect(path)).Diagnostics;

        errors.Should().NotBeEmpty().And.OnlyContain(d => d.IsError && d.Path == path);
    }
}
