using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.Triggers;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

/// <summary>The engine follows a trigger's parts, whatever the trigger's type.</summary>
public sealed class TriggerPartsTests : EngineTestBase
{
    [Theory]
    [InlineData(false, DecisionOutcome.Declined)]
    [InlineData(true, DecisionOutcome.Replied)]
    public async Task Responder_OwnTriggerWithConfirmStep_AsksBeforeTheHandlerAnswers(bool answer, DecisionOutcome expected)
    {
        var asked = 0;
        var trigger = new WordTrigger("gg")
        {
            Responder = new TriggerResponder
            {
                Confirm = (_, _) =>
                {
                    Interlocked.Increment(ref asked);
                    return ValueTask.FromResult(answer);
                },
                Handler = (_, _) => ValueTask.FromResult<string?>("good game!"),
            },
        };
        await using var engine = Start(Bot().AddTrigger(trigger).Build());

        engine.Post(Message("a", "gg"), Source);
        await engine.WhenIdleAsync();

        asked.Should().Be(1);
        Decisions.Decisions.Should().ContainSingle().Which.Outcome.Should().Be(expected);
        Source.Sent.Select(m => m.Text).Should().Equal(answer ? new[] { "good game!" } : []);
    }

    [Fact]
    public async Task TimerInterval_OwnTrigger_GetsTicksNamedAfterIt()
    {
        await using var engine = Start(Bot().AddTrigger(new TickTrigger { Handler = (_, _) => ValueTask.FromResult<string?>("tock") }).Build());
        engine.Post(Message("a", "hello"), Source);
        await engine.WhenIdleAsync();

        Clock.Advance(TimeSpan.FromMinutes(1));
        await WaitForDecisionAsync(d => d.EventKind == "timer");
        await engine.WhenIdleAsync();

        Decisions.Decisions.Single(d => d.EventKind == "timer").Event.Should().BeOfType<TimerElapsed>().Which.Timer.Should().Be("tick");
        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("tock");
    }

    private sealed class WordTrigger(string word) : ChatTrigger
    {
        public override string Kind => "word";

        public override bool Matches(in TriggerContext context) => context.Message?.Text == word;
    }

    private sealed class TickTrigger : ChatTrigger
    {
        public override string Kind => "tick";

        public override TimeSpan? TimerInterval => TimeSpan.FromMinutes(1);

        public override bool Matches(in TriggerContext context) => context.Event is TimerElapsed { Timer: "tick" };
    }
}
