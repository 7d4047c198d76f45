using ChatBotKit.Context;
using ChatBotKit.Events;
using ChatBotKit.Tests.Fakes;
using ChatBotKit.Triggers;
using Microsoft.Extensions.AI;
using static ChatBotKit.Tests.Fakes.Events;
using static ChatBotKit.Tests.Triggers.TriggerContexts;

namespace ChatBotKit.Tests.Triggers;

public sealed class ContextualTriggerTests
{
    private readonly ContextualTrigger _trigger = new() { MinMessagesSinceBot = 5, MinWords = 3 };

    [Fact]
    public void Constructor_Defaults_AskAtMostOncePerMinute()
    {
        var trigger = new ContextualTrigger();

        trigger.Cooldown.Should().Be(TimeSpan.FromMinutes(1));
        trigger.MinMessagesSinceBot.Should().Be(5);
        trigger.MinWords.Should().Be(3);
        trigger.LinesShown.Should().Be(15);
    }

    [Fact]
    public void Responder_InstructionGiven_StillConfirmsThroughTheLlm()
    {
        var trigger = new ContextualTrigger { Instruction = "Keep it short." };

        trigger.Responder.Confirm.Should().NotBeNull();
        trigger.Responder.Instruction.Should().Be("Keep it short.");
        trigger.Responder.UsesLanguageModel.Should().BeTrue();
    }

    [Theory]
    [InlineData(5, "what do you think", true)]
    [InlineData(9, "one  two\tthree", true)]
    [InlineData(4, "what do you think", false)]
    [InlineData(5, "what now", false)]
    [InlineData(5, "   ", false)]
    public void Matches_PreCheck_NeedsMessagesAndWords(int messagesSinceBot, string text, bool expected) =>
        _trigger.Matches(For(Message("alice", text), messagesSinceBot)).Should().Be(expected);

    [Theory]
    [InlineData(MessageKind.Private)]
    [InlineData(MessageKind.Action)]
    public void Matches_NotAPublicMessage_ReturnsFalse(MessageKind kind) =>
        _trigger.Matches(For(Message("alice", "what do you think", kind: kind), 10)).Should().BeFalse();

    [Fact]
    public void Matches_NonMessageEvent_ReturnsFalse() =>
        _trigger.Matches(For(Media("a long song title"), 10)).Should().BeFalse();

    [Fact]
    public async Task ConfirmAsync_Always_AsksYesNoWithTranscriptInUserMessage()
    {
        var llm = new FakeChatClient("yes");
        var history = new[]
        {
            Line("alice", "who won the match yesterday?"),
            Line("kit", "I missed it, sorry!", fromBot: true),
            Line("bob", "no idea, ask the bot"),
        };

        await _trigger.ConfirmAsync(Reply(llm, history));

        var request = llm.Requests.Should().ContainSingle().Subject;
        request.Select(m => m.Role).Should().Equal(ChatRole.System, ChatRole.User);
        request[0].Text.Should().Contain("'kit'").And.Contain("yes or no");
        request[0].Text.Should().NotContain("who won");
        request[1].Text.Should().Be(
            "alice: who won the match yesterday?" + Environment.NewLine +
            "kit: I missed it, sorry!" + Environment.NewLine +
            "bob: no idea, ask the bot" + Environment.NewLine);
        var options = llm.Options.Should().ContainSingle().Subject!;
        options.MaxOutputTokens.Should().Be(3);
        options.Temperature.Should().Be(0);
    }

    [Fact]
    public async Task ConfirmAsync_LongHistory_ShowsOnlyLastLinesShown()
    {
        var llm = new FakeChatClient("no");
        var trigger = new ContextualTrigger { LinesShown = 2 };
        var history = Enumerable.Range(1, 5).Select(i => Line($"user{i}", $"line {i}")).ToArray();

        await trigger.ConfirmAsync(Reply(llm, history));

        llm.Requests.Single()[1].Text.Should().Be(
            "user4: line 4" + Environment.NewLine + "user5: line 5" + Environment.NewLine);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Yes.")]
    [InlineData("YES")]
    [InlineData("  yes!")]
    [InlineData("Yes, definitely")]
    public async Task ConfirmAsync_ModelSaysYes_ReturnsTrue(string answer) =>
        (await _trigger.ConfirmAsync(Reply(new FakeChatClient(answer), [Line("alice", "hi there all")]))).Should().BeTrue();

    [Theory]
    [InlineData("no")]
    [InlineData("No.")]
    [InlineData("")]
    [InlineData("maybe")]
    [InlineData("I think yes")]
    [InlineData("Yesterday was better")]
    [InlineData("yessir")]
    public async Task ConfirmAsync_ModelSaysAnythingElse_ReturnsFalse(string answer) =>
        (await _trigger.ConfirmAsync(Reply(new FakeChatClient(answer), [Line("alice", "hi there all")]))).Should().BeFalse();

    [Fact]
    public async Task ConfirmAsync_Cancelled_PassesTokenToClient()
    {
        using var cts = new CancellationTokenSource();
        var seen = CancellationToken.None;
        var llm = new FakeChatClient((_, token) =>
        {
            seen = token;
            return Task.FromResult("yes");
        });

        await _trigger.ConfirmAsync(Reply(llm, []), cts.Token);

        seen.Should().Be(cts.Token);
    }

    [Theory]
    [InlineData(-1, 3, 15, "MinMessagesSinceBot")]
    [InlineData(5, -1, 15, "MinWords")]
    [InlineData(5, 3, 0, "LinesShown")]
    public void Validate_InvalidSetting_NamesIt(int minMessages, int minWords, int linesShown, string setting)
    {
        var trigger = new ContextualTrigger { MinMessagesSinceBot = minMessages, MinWords = minWords, LinesShown = linesShown };

        var act = () => trigger.Validate("Triggers[4]");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be($"Triggers[4].{setting}");
    }

    private static ContextEntry Line(string user, string text, bool fromBot = false) =>
        new(null, user, user, text, Start, fromBot);

    private ReplyContext Reply(IChatClient llm, IReadOnlyList<ContextEntry> history) => new()
    {
        Event = Message("bob", "no idea, ask the bot"),
        Trigger = _trigger,
        Bot = Kit,
        History = history,
        ChatClient = llm,
        Now = Start,
        Random = new Random(1),
        CorrelationId = new CorrelationId(1),
    };
}
