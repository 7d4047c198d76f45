using System.Diagnostics;
using ChatBotKit.Engine;
using ChatBotKit.Scripting;

namespace ChatBotKit.Benchmarks;

/// <summary>
/// Save → new generation live through the real file watcher (50 ms debounce), over many reloads;
/// then counts old generations still alive and the managed heap growth per reload.
/// </summary>
internal static class ReloadHarness
{
    public static async Task RunAsync(int reloads)
    {
        var folder = Directory.CreateTempSubdirectory("streambot-reload-").FullName;
        try
        {
            var path = Path.Combine(folder, "bot.csx");
            var presets = Path.Combine(AppContext.BaseDirectory, "scripts", "presets");
            File.WriteAllText(path, Script(0));
            var compiler = new ScriptCompiler(new PresetLocator(presets));
            var warm = Stopwatch.StartNew();
            compiler.WarmUp();
            Console.WriteLine($"warm-up compile: {warm.ElapsedMilliseconds} ms");
            var host = new ScriptHost(compiler);
            var first = await host.LoadAsync(path);
            await using var engine = new ChatBotEngine(first.Definition);
            await using var reloader = new ScriptReloader(host, first, engine.SwapDefinition);
            var weak = new List<WeakReference> { first.Unloaded };
            first = null;
            TaskCompletionSource<ScriptGeneration> next = new(TaskCreationOptions.RunContinuationsAsynchronously);
            reloader.Reloaded += g => next.TrySetResult(g);
            reloader.Failed += e => Console.Error.WriteLine(e.Message);
            reloader.Watch();

            var latencies = new List<double>();
            long heapAfterWarmUp = 0;
            for (var i = 1; i <= reloads; i++)
            {
                next = new(TaskCreationOptions.RunContinuationsAsynchronously);
                var clock = Stopwatch.StartNew();
                File.WriteAllText(path, Script(i));
                var generation = await next.Task.WaitAsync(TimeSpan.FromSeconds(30));
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                weak.Add(generation.Unloaded);
                if (i == 20)
                {
                    heapAfterWarmUp = Heap();
                }
            }

            var heapAtEnd = Heap();
            var alive = weak.Take(weak.Count - 1).Count(w => w.IsAlive);
            latencies.Sort();
            Console.WriteLine($"save -> live over {reloads} reloads (ms): p50 {latencies[latencies.Count / 2]:F1}, p95 {latencies[(int)(latencies.Count * 0.95)]:F1}, max {latencies[^1]:F1}");
            Console.WriteLine($"old generations alive after GC: {alive} of {weak.Count - 1}");
            Console.WriteLine($"managed heap growth per reload after reload 20: {(heapAtEnd - heapAfterWarmUp) / (double)(reloads - 20) / 1024:F2} KB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Script(int version) => $$"""
        Bot.WithName("kit").WithAliases("kitbot").WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short);
        Bot.OnMention();
        Bot.OnCommand("dice", ctx => $"🎲 {ctx.Random.Next(1, 7)}");
        Bot.OnCommand("version", ctx => "{{version}}");
        Bot.WithRateLimits(r => r with { PerUser = [RateWindow.PerMinute(3)] });
        var words = new List<string> { "hi", "hello" }.Where(w => w.Length > 1).ToList();
        OnStart(() => Log.LogInformation("{Count}", words.Count));
        """;
}
