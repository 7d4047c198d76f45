using ChatBotKit.Tests.Fakes;
using ChatBotKit.Triggers;
using static ChatBotKit.Tests.Fakes.Events;
using static ChatBotKit.Tests.Triggers.TriggerContexts;

namespace ChatBotKit.Tests.Triggers;

public sealed class ReplyContextTests
{
    [Fact]
    public void Command_CommandTriggerFired_GivesParsedInvocation()
    {
        var context = Context(new CommandTrigger("dice", "roll"), Message("alice", "!roll 2 d6"));

        context.Command.Should().Be(new CommandInvocation("dice", "2 d6"));
        context.Command!.Value.Arguments.Should().Equal("2", "d6");
    }

    [Fact]
    public void Command_OtherTriggerFired_IsNull() =>
        Context(new MentionTrigger(), Message("alice", "!dice kit")).Command.Should().BeNull();

    [Fact]
    public void MessageAndUser_MessageEvent_ExposeTheViewer()
    {
        var context = Context(new MentionTrigger(), Message("alice", "hi kit"));

        context.Message!.Text.Should().Be("hi kit");
        context.User!.DisplayName.Should().Be("alice");
    }

    [Fact]
    public void MessageAndUser_MediaEvent_AreNull()
    {
        var context = Context(new MediaChangeTrigger(), Media("song"));

        context.Message.Should().BeNull();
        context.User.Should().BeNull();
    }

    private static ReplyContext Context(ITrigger trigger, ChatBotKit.Events.ChatEvent chatEvent) => new()
    {
        Event = chatEvent,
        Trigger = trigger,
        Bot = Kit,
        History = [],
        ChatClient = new FakeChatClient(),
        Now = Start,
        Random = new Random(1),
        CorrelationId = new CorrelationId(1),
    };
}
