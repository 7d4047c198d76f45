using ChatBotKit.Engine;
using ChatBotKit.RateLimiting;
using ChatBotKit.Tests.Fakes;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

public sealed class StreamingMetricsTests : EngineTestBase
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Metrics_StreamedReply_RecordFirstTokenFirstPhraseAndTokensPerSecond()
    {
        var model = new PacedChatClient(
            Clock,
            (TimeSpan.FromMilliseconds(250), "Hi"),
            (Tick, " there"),
            (Tick, " friend"),
            (Tick, "."),
            (Tick, " Bye"),
            (Tick, " now."));
        using var meters = new TestMeterFactory();
        using var recorded = new RecordedHistograms(meters);
        await using var engine = Start(BotOn(model), new ChatBotEngineOptions { MeterFactory = meters });

        engine.Post(Message("a", "kit hi"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("Hi there friend. Bye now.");
        recorded["chatbotkit.reply.first_token"].Should().ContainSingle().Which.Should().BeApproximately(0.25, 1e-9);
        recorded["chatbotkit.reply.first_phrase"].Should().ContainSingle().Which.Should().BeApproximately(0.55, 1e-9, "the first phrase ends with the fourth token");
        recorded["chatbotkit.reply.tokens_per_second"].Should().ContainSingle().Which.Should().BeApproximately(10, 1e-9, "five tokens followed the first in 0.5 s");
    }

    [Fact]
    public async Task Metrics_ModelThatDoesNotStream_WholeReplyIsTheFirstTokenAndHasNoRate()
    {
        Llm.Respond = (_, _) =>
        {
            Clock.Advance(TimeSpan.FromSeconds(1.5));
            return Task.FromResult("All of it at once.");
        };
        using var meters = new TestMeterFactory();
        using var recorded = new RecordedHistograms(meters);
        await using var engine = Start(Bot().OnMention().Build(), new ChatBotEngineOptions { MeterFactory = meters });

        engine.Post(Message("a", "kit hi"), Source);
        await engine.WhenIdleAsync();

        recorded["chatbotkit.reply.first_token"].Should().ContainSingle().Which.Should().BeApproximately(1.5, 1e-9);
        recorded["chatbotkit.reply.first_phrase"].Should().ContainSingle().Which.Should().BeApproximately(1.5, 1e-9);
        recorded["chatbotkit.reply.tokens_per_second"].Should().BeEmpty();
    }

    private static ChatBotDefinition BotOn(PacedChatClient model) =>
        new ChatBotBuilder("kit").UseChatClient(model).WithRateLimits(RateLimitPolicy.Unlimited).OnMention().Build();
}
