using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Scripting.Tests;

[Collection(SharedCompiler.Name)]
public sealed class ScriptReloaderTests(CompilerFixture fixture) : IDisposable
{
    private readonly ScriptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Bot(string reply) =>
        "Bot.WithName(\"kit\").WithRateLimits(r => r with { PerUser = [RateWindow.PerMinute(100)], PerChannel = [RateWindow.PerMinute(100)], MinimumGap = TimeSpan.Zero });\n" +
        $"Bot.OnCommand(\"v\", ctx => \"{reply}\");\n";

    [Fact]
    public async Task ReloadAsync_Success_SwapsTheRunningBot()
    {
        var path = _folder.Write("bot.csx", Bot("one"));
        var host = fixture.Host();
        var first = await host.LoadAsync(path);
        await using var chat = new ChatHarness(first.Definition);
        await using var reloader = new ScriptReloader(host, first, chat.Engine.SwapDefinition);
        (await chat.SayAsync("al: !v")).Should().Be("kit: one");

        File.WriteAllText(path, Bot("two"));
        var problem = await reloader.ReloadAsync();

        problem.Should().BeNull();
        reloader.Current.Number.Should().BeGreaterThan(first.Number);
        (await chat.SayAsync("al: !v")).Should().Be("kit: two");
    }

    [Fact]
    public async Task ReloadAsync_CompileError_KeepsTheOldBotAndReportsTheError()
    {
        var path = _folder.Write("bot.csx", Bot("one"));
        var host = fixture.Host();
        var first = await host.LoadAsync(path);
        await using var chat = new ChatHarness(first.Definition);
        await using var reloader = new ScriptReloader(host, first, chat.Engine.SwapDefinition);

        File.WriteAllText(path, "Bot.WithName(\"kit\")\nint x = ;\n");
        var problem = await reloader.ReloadAsync();

        problem.Should().NotBeNull();
        problem!.Diagnostics.Should().Contain(d => d.Path == path && d.IsError);
        reloader.Current.Should().BeSameAs(first);
        (await chat.SayAsync("al: !v")).Should().Be("kit: one");
    }

    [Fact]
    public async Task ReloadAsync_ScriptDeleted_KeepsTheOldBot()
    {
        var path = _folder.Write("bot.csx", Bot("one"));
        var host = fixture.Host();
        var first = await host.LoadAsync(path);
        await using var chat = new ChatHarness(first.Definition);
        await using var reloader = new ScriptReloader(host, first, chat.Engine.SwapDefinition);

        File.Delete(path);
        var problem = await reloader.ReloadAsync();

        problem!.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(ScriptDiagnostic.MissingScript);
        (await chat.SayAsync("al: !v")).Should().Be("kit: one");
    }

    [Fact]
    public async Task ReloadAsync_OldGenerations_AreUnloaded()
    {
        var path = _folder.Write("bot.csx", Bot("one"));
        var host = fixture.Host();
        var (reloader, chat, old) = await StartAndReloadAsync(host, path);
        try
        {
            for (var i = 0; i < 10 && old.Any(w => w.IsAlive); i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            old.Should().OnlyContain(w => !w.IsAlive, "every replaced generation's load context must be collectible");
        }
        finally
        {
            await reloader.DisposeAsync();
            await chat.DisposeAsync();
        }
    }

    [Fact]
    public async Task ReloadAsync_CollectsReplacedGenerations_WithoutTheCallerCollecting()
    {
        // A bot that allocates little may go hours without a full collection; the reload makes one,
        // so a generation replaced two reloads ago is gone without anyone else calling the GC.
        var path = _folder.Write("bot.csx", Bot("one"));
        var host = fixture.Host();
        var (reloader, chat, old) = await StartAndReloadAsync(host, path);
        try
        {
            old[0].IsAlive.Should().BeFalse("the reloads since the first generation was replaced collected it");
        }
        finally
        {
            await reloader.DisposeAsync();
            await chat.DisposeAsync();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task<(ScriptReloader, ChatHarness, List<WeakReference>)> StartAndReloadAsync(ScriptHost host, string path)
    {
        var first = await host.LoadAsync(path);
        var chat = new ChatHarness(first.Definition);
        var reloader = new ScriptReloader(host, first, chat.Engine.SwapDefinition);
        var old = new List<WeakReference> { first.Unloaded };
        (await chat.SayAsync("al: !v")).Should().Be("kit: one");
        for (var i = 1; i <= 3; i++)
        {
            File.WriteAllText(path, Bot($"v{i}"));
            (await reloader.ReloadAsync()).Should().BeNull();
            (await chat.SayAsync("al: !v")).Should().Be($"kit: v{i}");
            if (i < 3)
            {
                old.Add(reloader.Current.Unloaded);
            }
        }

        return (reloader, chat, old);
    }

    [Fact]
    public async Task Watch_FileSaved_ReloadsAndRunsHooks()
    {
        var path = _folder.Write("lib.csx", "static string Reply() => \"one\";\n");
        var main = _folder.Write("bot.csx", "#load \"lib.csx\"\nBot.WithName(\"kit\");\nBot.OnCommand(\"v\", ctx => Reply());\n");
        var host = fixture.Host();
        await using var reloader = new ScriptReloader(host, await host.LoadAsync(main), _ => { }, NullLogger.Instance);
        var reloaded = new TaskCompletionSource<ScriptGeneration>(TaskCreationOptions.RunContinuationsAsynchronously);
        reloader.Reloaded += g => reloaded.TrySetResult(g);
        reloader.Watch();

        File.WriteAllText(path, "static string Reply() => \"two\";\n");

        var next = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await using var chat = new ChatHarness(next.Definition);
        (await chat.SayAsync("al: !v")).Should().Be("kit: two");
    }

    [Fact]
    public async Task Watch_BrokenSave_RaisesFailedWithDiagnostics()
    {
        var main = _folder.Write("bot.csx", Bot("one"));
        var host = fixture.Host();
        await using var reloader = new ScriptReloader(host, await host.LoadAsync(main), _ => { });
        var failed = new TaskCompletionSource<ScriptException>(TaskCreationOptions.RunContinuationsAsynchronously);
        reloader.Failed += e => failed.TrySetResult(e);
        reloader.Watch();

        File.WriteAllText(main, "Bot.WithName(\"kit\");\nnope();\n");

        var error = await failed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        error.Diagnostics.Should().ContainSingle().Which.ToString().Should().StartWith($"{main}(2,1): error CS0103");
    }
}
