using ChatBotKit.Engine;

namespace ChatBotKit.Benchmarks;

/// <summary>
/// Managed heap held by 100 channels whose 50-line context windows are full: everything the
/// engine keeps (windows, the text they hold, rate-limit state, queues, timers) once the events
/// themselves are gone.
/// </summary>
internal static class MemoryHarness
{
    public static async Task RunAsync()
    {
        const int channels = 100;
        var source = new SinkSource();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await using var engine = new ChatBotEngine(BenchBot.Definition(new InstantChatClient()));
        await FillAsync(engine, source, channels);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var lines = engine.GetChannels().Sum(c => c.ContextLines);
        Console.WriteLine($"{engine.GetChannels().Count} channels, {lines:N0} context lines");
        Console.WriteLine($"managed heap held: {(after - before) / 1024.0 / 1024.0:F2} MB");
    }

    private static async Task FillAsync(ChatBotEngine engine, SinkSource source, int channels)
    {
        foreach (var chatEvent in BenchBot.Traffic(channels * 50, channels, mentionEvery: 0))
        {
            engine.Post(chatEvent, source);
        }

        await engine.WhenIdleAsync();
    }
}
