using ChatBotKit.Engine;
using ChatBotKit.Tests.Fakes;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

public sealed class DefinitionSwapTests : EngineTestBase
{
    [Fact]
    public async Task SwapDefinition_KeepsContextWindows()
    {
        await using var engine = Start(Bot().OnMention().Build());
        engine.Post(Message("alice", "I love pizza"), Source);
        await engine.WhenIdleAsync();

        engine.SwapDefinition(Bot().OnMention().WithPersonality(ChatBotKit.Prompting.Personality.Humorous).Build());
        engine.Post(Message("alice", "kit, what do I love?"), Source);
        await engine.WhenIdleAsync();

        engine.Generation.Should().Be(2);
        Llm.Requests.Should().ContainSingle().Which.Should().Contain(m => m.Text == "alice: I love pizza");
    }

    [Fact]
    public async Task SwapDefinition_KeepsRateLimitAndCooldownState()
    {
        await using var engine = Start(Bot().OnMention(cooldown: TimeSpan.FromMinutes(1)).Build());
        engine.Post(Message("a", "kit 1"), Source);
        await engine.WhenIdleAsync();

        engine.SwapDefinition(Bot().OnMention(cooldown: TimeSpan.FromMinutes(1)).Build());
        Clock.Advance(TimeSpan.FromSeconds(10));
        engine.Post(Message("a", "kit 2"), Source);
        await engine.WhenIdleAsync();
        Clock.Advance(TimeSpan.FromSeconds(51));
        engine.Post(Message("a", "kit 3"), Source);
        await engine.WhenIdleAsync();

        Decisions.Decisions.Select(d => (d.Outcome, d.Reason)).Should().Equal(
            (DecisionOutcome.Replied, null),
            (DecisionOutcome.NoTrigger, DecisionReasons.Cooldown),
            (DecisionOutcome.Replied, null));
    }

    [Fact]
    public async Task SwapDefinition_ReplyInFlight_FinishesUnderTheOldDefinition()
    {
        var release = new TaskCompletionSource<string>();
        var oldLlm = new FakeChatClient((_, _) => release.Task);
        var newLlm = new FakeChatClient("new reply");
        await using var engine = Start(Bot().UseChatClient(oldLlm).OnMention().Build());
        engine.Post(Message("a", "kit?"), Source);
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (oldLlm.Requests.Count == 0)
            {
                await Task.Delay(5, wait.Token);
            }
        }

        engine.SwapDefinition(Bot().UseChatClient(newLlm).OnMention().AddFilter(new RejectingFilter("old")).Build());
        release.SetResult("old reply");
        await engine.WhenIdleAsync();
        engine.Post(Message("a", "kit again?"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Select(m => m.Text).Should().Equal("old reply", "new reply");
        newLlm.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task SwapDefinition_NewTriggers_ApplyToTheNextEvent()
    {
        await using var engine = Start(Bot().OnMention().Build());
        engine.Post(Message("a", "!dice"), Source);
        await engine.WhenIdleAsync();

        engine.SwapDefinition(Bot().OnCommand("dice", _ => "🎲 4").Build());
        engine.Post(Message("a", "!dice"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("🎲 4");
    }

    [Fact]
    public async Task SwapDefinition_SmallerWindow_KeepsNewestLines()
    {
        await using var engine = Start(Bot().OnMention().Build());
        for (var i = 0; i < 5; i++)
        {
            engine.Post(Message("a", $"line {i}"), Source);
        }

        await engine.WhenIdleAsync();
        engine.SwapDefinition(Bot().OnMention().WithContextWindow(2).Build());
        engine.Post(Message("a", "kit?"), Source);
        await engine.WhenIdleAsync();

        Llm.Requests.Single().Skip(1).Select(m => m.Text).Should().Equal("a: line 4", "a: kit?");
    }

    [Fact]
    public async Task SwapDefinition_ChatClientFactory_BuildsTheClientForEachDefinition()
    {
        var built = new List<string>();
        var options = new ChatBotEngineOptions
        {
            ChatClientFactory = d =>
            {
                built.Add(d.Identity.Name);
                return new FakeChatClient($"{d.Identity.Name} here");
            },
        };
        await using var engine = Start(Bot().UseChatClient(Llm).OnMention().Build(), options);

        engine.SwapDefinition(new ChatBotBuilder("bit").UseChatClient(Llm).OnMention().Build());
        engine.Post(Message("a", "bit?"), Source);
        await engine.WhenIdleAsync();

        built.Should().Equal("kit", "bit");
        Source.Sent.Select(m => m.Text).Should().Equal("bit here");
        Llm.Requests.Should().BeEmpty(because: "the factory overrides the definition's client");
    }
}
