using BenchmarkDotNet.Attributes;
using ChatBotKit.Events;
using ChatBotKit.Filters;
using ChatBotKit.Triggers;

namespace ChatBotKit.Benchmarks.Filters;

/// <summary>The standard filter chain on typical and oversized replies.</summary>
[MemoryDiagnoser]
public class ResponseFilterChainBenchmarks
{
    private const string Typical = "kit: Great question! The boss has three phases, so save your dash for the second one. GG chat!";

    private const string Markdown = """
        <think>They asked for the route. A list is clearest.</think>
        kit: **Great question!** Here's the route:

        1. Skip the *first* cutscene.
        2. Grab the `double jump` early.
        3. Use [this trick](https://example.com/trick) on the boss.

        As an AI, I can't play it myself. Good luck, and have fun!
        """;

    private readonly ResponseFilterChain _chain = new(ResponseFilterSettings.Default.CreateFilters());
    private readonly string _long = string.Concat(Enumerable.Repeat("This sentence repeats to make a long reply. ", 2_000));
    private readonly ResponseFilterContext _context = new()
    {
        Bot = new BotIdentity("kit", ["kitbot"]),
        Platform = ChatPlatform.Twitch,
        MaxMessageLength = 500,
        RecentBotMessages = ["Welcome to the stream, everyone!", "The next run starts in five minutes.", "Remember to hydrate, chat."],
    };

    [Benchmark(Baseline = true)]
    public FilterOutcome TypicalReply() => _chain.Apply(Typical, _context);

    [Benchmark]
    public FilterOutcome MarkdownReply() => _chain.Apply(Markdown, _context);

    [Benchmark]
    public FilterOutcome LongReply() => _chain.Apply(_long, _context);
}
