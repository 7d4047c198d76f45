using ChatBotKit.Engine;
using ChatBotKit.RateLimiting;
using ChatBotKit.Sources;
using ChatBotKit.Tests.Fakes;
using ChatBotKit.Time;
using static ChatBotKit.Tests.Sources.ReplayLog;

namespace ChatBotKit.Tests.Sources;

/// <summary>A recorded chat through the whole engine: the transcript follows the log's time and is reproducible.</summary>
public sealed class ReplayEndToEndTests
{
    private static readonly string Log = Join(
        Line(0, "alice", "hi @kit", "m1", "c", "twitch"),
        Line(10, "bob", "@kit are you there?", "m2", "c", "twitch"),
        Line(31, "carol", "kit, hello!", "m3", "c", "twitch"),
        Line(40, "dave", "no mention here", "m4", "c", "twitch"),
        Line(45, "erin", "{broken", "m5", "c", "twitch")[..20],
        Line(72, "frank", "@kit bye", "m6", "c", "twitch"));

    [Fact]
    public async Task RunAsync_ReplayThroughEngine_CooldownFollowsLogTimeAndTranscriptIsExact()
    {
        var (transcript, llmCalls) = await ReplayAsync();

        // m2 comes 10 s after the reply to m1: cooling down. m3 is 31 s after it and m6 41 s after m3: both reply.
        transcript.Should().Be(
            """{"ts":"2026-01-01T20:00:00Z","platform":"twitch","channel":"c","text":"reply 1","replyTo":"m1","trigger":"mention"}""" + "\n" +
            """{"ts":"2026-01-01T20:00:31Z","platform":"twitch","channel":"c","text":"reply 2","replyTo":"m3","trigger":"mention"}""" + "\n" +
            """{"ts":"2026-01-01T20:01:12Z","platform":"twitch","channel":"c","text":"reply 3","replyTo":"m6","trigger":"mention"}""" + "\n");
        llmCalls.Should().Be(3);
    }

    [Fact]
    public async Task RunAsync_SameLogTwice_ByteIdenticalTranscripts()
    {
        var (first, _) = await ReplayAsync();
        var (second, _) = await ReplayAsync();

        first.Should().NotBeEmpty();
        second.Should().Be(first);
    }

    private static async Task<(string Transcript, int LlmCalls)> ReplayAsync()
    {
        var clock = new VirtualClock(Fakes.Events.Start);
        var replies = 0;
        var llm = new FakeChatClient((_, _) => Task.FromResult($"reply {Interlocked.Increment(ref replies)}"));
        var definition = new ChatBotBuilder("kit")
            .OnMention(cooldown: TimeSpan.FromSeconds(30))
            .UseChatClient(llm)
            .WithRateLimits(RateLimitPolicy.Unlimited)
            .Build();
        var transcript = new StringWriter();
        await using (var engine = new ChatBotEngine(definition, new ChatBotEngineOptions { TimeProvider = clock, ProcessSequentially = true }))
        await using (var source = new ReplayChatSource(new StringReader(Log), new ReplayChatSourceOptions { Clock = clock, Transcript = transcript }))
        {
            await new ChatSourceRunner(engine).RunAsync([source]).WaitAsync(TimeSpan.FromSeconds(30));
            source.SkippedLines.Should().Be(1);
        }

        return (transcript.ToString(), llm.Requests.Count);
    }
}
