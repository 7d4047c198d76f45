using ChatBotKit.AI.Tests.Server;
using ChatBotKit.Engine;
using ChatBotKit.RateLimiting;
using ChatBotKit.Sources;
using ChatBotKit.Tests.Fakes;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.AI.Tests.Engine;

public sealed class EngineWithAdapterTests : ServerTestBase
{
    private readonly FakeChatSource _source = new();
    private readonly DecisionRecorder _decisions = new();

    [Fact]
    public async Task Mention_AdapterAgainstFakeServer_BotRepliesWithTheModelsText()
    {
        Server.StreamTokens = ["Hello alice,", " welcome", " to the stream!"];
        await using var engine = Start();

        engine.Post(Message("alice", "hi kit, how are you?"), _source);
        var sent = await _source.WaitForSentAsync(1);

        sent.Single().Text.Should().Contain("welcome to the stream");
        var request = Server.Requests.Single().Json;
        request["model"]!.GetValue<string>().Should().Be("llama3.2");
        request["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()).Should().StartWith("system").And.EndWith("user");
    }

    [Fact]
    public async Task Mention_ServerAnswers500_BotPostsNothing()
    {
        Server.Inject(Fault.ServerError);
        await using var engine = Start();

        engine.Post(Message("alice", "hi kit"), _source);
        await engine.WhenIdleAsync();

        Server.Requests.Should().HaveCount(1);
        _decisions.Decisions.Select(d => d.Outcome).Should().Equal(DecisionOutcome.LlmFailed);
        _source.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task Mention_ServerStreamsSlowly_FirstMessageIsPostedBeforeTheStreamEnds()
    {
        Server.StreamTokens = ["The first sentence", " is complete now.", " The second", " sentence follows", " much later."];
        using var pace = new SemaphoreSlim(0);
        Server.TokenPace = pace;
        _source.Limits = PlatformLimits.Default with { MaxMessageLength = 40 };
        await using var engine = Start();

        engine.Post(Message("alice", "hi kit"), _source);
        pace.Release(3);
        var first = await _source.WaitForSentAsync(1);

        first.Should().ContainSingle().Which.Text.Should().Be("The first sentence is complete now.");
        _decisions.Decisions.Should().BeEmpty("the server has not finished the reply");
        pace.Release(2);
        await engine.WhenIdleAsync();

        _source.Sent.Select(m => m.Text).Should().Equal("The first sentence is complete now.", "The second sentence follows much later.");
        _decisions.Decisions.Should().ContainSingle().Which.Outcome.Should().Be(DecisionOutcome.Replied);
        Server.Requests.Single().Json["stream"]!.GetValue<bool>().Should().BeTrue();
    }

    private ChatBotEngine Start()
    {
        var definition = new ChatBotBuilder("kit")
            .UseChatClient(TestClients.Client(Server))
            .OnMention()
            .WithRateLimits(RateLimitPolicy.Unlimited)
            .Build();
        return new ChatBotEngine(definition, new ChatBotEngineOptions { DecisionListeners = [_decisions] });
    }
}
