using ChatBotKit.Engine;
using ChatBotKit.RateLimiting;
using ChatBotKit.Tests.Fakes;
using ChatBotKit.Time;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

public sealed class ChatBotEngineTests
{
    private readonly VirtualClock _clock = new(Start);
    private readonly DecisionRecorder _decisions = new();

    [Fact]
    public async Task Post_MentionWithLlm_SendsFilteredReplyToSameChannel()
    {
        var llm = new FakeChatClient("Hi alice, welcome!");
        var definition = new ChatBotBuilder("kit").UseChatClient(llm).OnMention().WithRateLimits(RateLimitPolicy.Unlimited).Build();
        await using var engine = NewEngine(definition);
        var source = new FakeChatSource();

        engine.Post(Message("alice", "hey @kit how are you", id: "m1"), source);
        await engine.WhenIdleAsync();

        source.Sent.Should().ContainSingle().Which.Should().Match<ChatBotKit.Sources.OutgoingMessage>(m =>
            m.Text == "Hi alice, welcome!" && m.Channel == "c" && m.ReplyToId == "m1" && m.Trigger == "mention");
        _decisions.Decisions.Should().ContainSingle().Which.Outcome.Should().Be(DecisionOutcome.Replied);
    }

    private ChatBotEngine NewEngine(ChatBotDefinition definition) =>
        new(definition, new ChatBotEngineOptions { TimeProvider = _clock, DecisionListeners = [_decisions], RandomSeed = 7 });
}
