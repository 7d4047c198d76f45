using ChatBotKit.AI.Tests.Server;
using ChatBotKit.Engine;
using ChatBotKit.RateLimiting;
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
        Server.Reply = "Hello alice, welcome to the stream!";
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
