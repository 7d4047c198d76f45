using ChatBotKit.Engine;
using ChatBotKit.Events;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

public sealed class EngineBadInputTests : EngineTestBase
{
    [Fact]
    public async Task Post_HundredKilobyteMessage_IsCappedInThePromptAndTheChannelGoesOn()
    {
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message("a", "kit " + new string('x', 100_000)), Source);
        engine.Post(Message("b", "kit still there?"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().HaveCount(2);
        Llm.Requests[0][^1].Text!.Length.Should().BeLessThan(600);
    }

    [Fact]
    public async Task Post_ControlCharactersAndLoneSurrogates_AreCleanedInThePrompt()
    {
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message("a", "kit\u0000\u0007 line\nbreak \ud800 end"), Source);
        await engine.WhenIdleAsync();

        Llm.Requests.Single()[^1].Text.Should().Be("a: kit   line break \ufffd end");
        Source.Sent.Should().ContainSingle();
    }

    [Fact]
    public async Task Post_TriggerThrows_IsTreatedAsNoMatchAndLaterTriggersStillRun()
    {
        await using var engine = Start(Bot().AddTrigger(new ThrowingTrigger()).OnMention().Build());

        engine.Post(Message("a", "kit?"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle().Which.Trigger.Should().Be("mention");
    }

    [Fact]
    public async Task Post_EventOfEveryKind_GetsExactlyOneDecision()
    {
        await using var engine = Start(Bot().OnMention().Build());
        var user = ChatUser.Named("a");
        ChatEvent[] events =
        [
            Message("a", "hi"),
            Media("song"),
            new UserJoined { Platform = ChatPlatform.Twitch, Channel = "c", User = user },
            new UserLeft { Platform = ChatPlatform.Twitch, Channel = "c", User = user },
            new UserFollowed { Platform = ChatPlatform.Twitch, Channel = "c", User = user },
            new UserSubscribed { Platform = ChatPlatform.Twitch, Channel = "c", User = user, Months = 3 },
            new ChannelRaided { Platform = ChatPlatform.Twitch, Channel = "c", Raider = user, ViewerCount = 5 },
            new BitsCheered { Platform = ChatPlatform.Twitch, Channel = "c", User = user, Bits = 100 },
            new SuperChatReceived { Platform = ChatPlatform.YouTube, Channel = "c", User = user, Amount = 5m },
            new MessageDeleted { Platform = ChatPlatform.Twitch, Channel = "c", MessageId = "nope" },
            new UserTimedOut { Platform = ChatPlatform.Twitch, Channel = "c", User = user },
            new UserBanned { Platform = ChatPlatform.Twitch, Channel = "c", User = user },
        ];

        foreach (var chatEvent in events)
        {
            engine.Post(chatEvent, Source);
        }

        await engine.WhenIdleAsync();

        Decisions.Decisions.Select(d => d.EventKind).Should().BeEquivalentTo(events.Select(e => e.Kind));
        Decisions.Decisions.Should().OnlyContain(d => d.Outcome == DecisionOutcome.NoTrigger);
    }

    private sealed class ThrowingTrigger : ChatBotKit.Triggers.ITrigger
    {
        public string Name => "throws";

        public string Kind => "custom";

        public TimeSpan? TimerInterval => null;

        public ChatBotKit.Triggers.TriggerPolicy Policy => ChatBotKit.Triggers.TriggerPolicy.Default;

        public ChatBotKit.Triggers.TriggerResponder Responder => ChatBotKit.Triggers.TriggerResponder.LanguageModel;

        public bool Matches(in ChatBotKit.Triggers.TriggerContext context) => throw new InvalidOperationException("bug in a script");
    }
}
