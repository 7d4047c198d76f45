namespace ChatBotKit.Scripting.Tests;

[Collection(SharedCompiler.Name)]
public sealed class ScriptHostConfigureBotTests(CompilerFixture fixture) : IDisposable
{
    private readonly ScriptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task LoadAsync_ConfigureBot_RunsAfterTheScriptOnEveryVersion()
    {
        var path = _folder.Write("bot.csx", "Bot.WithName(\"kit\").WithFacts(\"from the script\");\n");
        var host = new ScriptHost(fixture.Compiler, new ScriptHostOptions { ConfigureBot = bot => bot.WithFacts($"added after {bot.Facts.Count} fact(s)") });

        using var first = await host.LoadAsync(path);
        using var second = await host.LoadAsync(path);

        first.Definition.Facts.Should().Equal("from the script", "added after 1 fact(s)");
        second.Definition.Facts.Should().Equal("from the script", "added after 1 fact(s)");
    }
}
