using ChatBotKit.Events;
using ChatBotKit.Prompting;
using ChatBotKit.RateLimiting;
using ChatBotKit.Sources;
using ChatBotKit.Tests.Fakes;
using ChatBotKit.Triggers;

namespace ChatBotKit.Tests;

public sealed class ChatBotBuilderTests
{
    public static TheoryData<string, Func<ChatBotBuilder, ChatBotBuilder>> InvalidSettings() => new()
    {
        { "Name", b => b.WithName("") },
        { "Name", b => b.WithName("two words") },
        { "Aliases[1]", b => b.WithAliases("kitty", " ") },
        { "ContextWindow.Size", b => b.WithContextWindow(0) },
        { "ContextWindow.Size", b => b.WithContextWindow(-5) },
        { "ContextWindow.MaxAge", b => b.WithContextWindow(10, TimeSpan.Zero) },
        { "ContextWindow.MaxAge", b => b.WithContextWindow(10, TimeSpan.FromMinutes(-1)) },
        { "ChannelQueueCapacity", b => b.WithChannelQueue(0) },
        { "Llm.Timeout", b => b.WithLlmLimits(timeout: TimeSpan.Zero) },
        { "Llm.MaxConcurrentCalls", b => b.WithLlmLimits(maxConcurrentCalls: 0) },
        { "HandlerTimeout", b => b.WithHandlerTimeout(TimeSpan.Zero) },
        { "RateLimits.PerUser[0].Limit", b => b.WithRateLimits(r => r with { PerUser = [new RateWindow(0, TimeSpan.FromHours(1))] }) },
        { "RateLimits.PerChannel[1].Window", b => b.WithRateLimits(r => r with { PerChannel = [RateWindow.PerMinute(2), new RateWindow(20, TimeSpan.Zero)] }) },
        { "RateLimits.Global[0].Limit", b => b.WithRateLimits(r => r with { Global = [new RateWindow(-1, TimeSpan.FromHours(1))] }) },
        { "RateLimits.MinimumGap", b => b.WithRateLimits(r => r with { MinimumGap = TimeSpan.FromSeconds(-1) }) },
        { "Filters.MaxParts", b => b.WithFilters(f => f with { MaxParts = 0 }) },
        { "Triggers[0].Probability", b => b.OnMention(probability: 1.5) },
        { "Triggers[1].Probability", b => b.OnMention().OnAmbient(probability: -0.5) },
        { "Triggers[0].Cooldown", b => b.OnKeywords(["pizza"], cooldown: TimeSpan.FromSeconds(-1)) },
        { "Triggers[0].Keywords", b => b.OnKeywords([]) },
        { "Triggers[0].Keywords[1]", b => b.OnKeywords(["pizza", ""]) },
        { "Triggers[0].Interval", b => b.OnTimer(TimeSpan.FromMilliseconds(500), "Say hi.") },
        { "Triggers[0].MinMessages", b => b.OnTimer(TimeSpan.FromMinutes(5), "Say hi.", minMessages: -1) },
        { "Triggers[0].Command", b => b.OnCommand("two words", "Answer.") },
        { "Triggers[0].Prefix", b => b.OnCommand("dice", "Roll a die.", prefix: "") },
        { "Triggers[0].MinMessagesSinceBot", b => b.OnContextual(minMessagesSinceBot: -1) },
        { "Triggers[1].Name", b => b.AddTrigger(new MentionTrigger { Name = "hello" }).AddTrigger(new KeywordTrigger("hi") { Name = "HELLO" }) },
        { "Triggers[1].Name", b => b.OnKeywords(["a"]).AddTrigger(new KeywordTrigger("b")) },
        { "Triggers[0].Name", b => b.AddTrigger(new CustomTrigger { Name = " " }) },
        { "Triggers[0].Probability", b => b.AddTrigger(new CustomTrigger { Policy = new() { Probability = 2 } }) },
        { "Triggers[0].Probability", b => b.AddTrigger(new CustomTrigger { Policy = new() { Probability = double.NaN } }) },
        { "Triggers[0].Cooldown", b => b.AddTrigger(new CustomTrigger { Policy = new() { Cooldown = TimeSpan.FromSeconds(-1) } }) },
        { "Triggers[1].Name", b => b.AddTrigger(new CustomTrigger()).AddTrigger(new CustomTrigger()) },
        { "Sources[0].Name", b => b.AddSource(Source(" ")) },
        { "Sources[0].Channels", b => b.AddSource(Source("twitch") with { Channels = ["a", ""] }) },
        { "Sources[1].Name", b => b.AddSource(Source("twitch")).AddSource(Source("Twitch")) },
        { "ReplyStreaming.MaxTokens", b => b.WithReplyStreaming(new() { MaxTokens = 0 }) },
        { "ReplyStreaming.MaxWait", b => b.WithReplyStreaming(new() { MaxWait = TimeSpan.Zero }) },
        { "ReplyStreaming.PauseWords", b => b.WithReplyStreaming(new() { PauseWords = ["And"] }) },
        { "EmotionTags[1]", b => b.WithEmotionTags("happy", "[sad]") },
        { "EmotionTags[0]", b => b.WithEmotionTags("very happy") },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Build_InvalidSetting_ThrowsNamingTheSetting(string setting, Func<ChatBotBuilder, ChatBotBuilder> configure)
    {
        var builder = configure(new ChatBotBuilder("kit"));

        var act = () => builder.Build();

        var error = act.Should().Throw<ChatBotConfigurationException>().Which;
        error.Setting.Should().Be(setting);
        error.Message.Should().StartWith(setting + ": ");
        error.Should().BeAssignableTo<ChatBotKitException>();
    }

    [Fact]
    public void Build_InvalidRegex_ThrowsWhenAdded()
    {
        var act = () => new ChatBotBuilder("kit").OnRegex("(unclosed");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Contain("Pattern");
    }

    [Fact]
    public void Build_Defaults_MatchTheDocumentedDefaults()
    {
        var definition = new ChatBotBuilder("kit").Build();

        definition.Identity.Name.Should().Be("kit");
        definition.Identity.Aliases.Should().BeEmpty();
        definition.Personality.Should().Be(Personality.Friendly);
        definition.RateLimits.Should().BeEquivalentTo(RateLimitPolicy.Default);
        definition.ContextWindowSize.Should().Be(50);
        definition.ContextMaxAge.Should().Be(TimeSpan.FromMinutes(30));
        definition.ChannelQueueCapacity.Should().Be(256);
        definition.MaxConcurrentLlmCalls.Should().Be(2);
        definition.LlmTimeout.Should().Be(TimeSpan.FromSeconds(30));
        definition.HandlerTimeout.Should().Be(TimeSpan.FromSeconds(10));
        definition.FallbackReply.Should().BeNull();
        definition.ChatClient.Should().BeNull();
        definition.IgnoreOtherBots.Should().BeTrue();
        definition.Triggers.Should().BeEmpty();
    }

    [Fact]
    public void Build_InfiniteContextAge_Allowed()
    {
        var definition = new ChatBotBuilder("kit").WithContextWindow(10, Timeout.InfiniteTimeSpan).Build();

        definition.ContextMaxAge.Should().Be(Timeout.InfiniteTimeSpan);
        definition.ContextWindowSize.Should().Be(10);
    }

    [Fact]
    public void Build_Settings_CarriedIntoTheDefinition()
    {
        var llm = new FakeChatClient();
        var definition = new ChatBotBuilder("kit")
            .WithAliases("kitty", "KB")
            .WithPersonality(PersonalityPreset.Professional, ResponseLength.Long, "Be brief.")
            .WithFacts("Fact one.")
            .UseChatClient(llm)
            .WithRateLimits(r => r with { MinimumGap = TimeSpan.Zero })
            .WithContextWindow(20, TimeSpan.FromMinutes(5))
            .WithChannelQueue(16)
            .WithLlmLimits(TimeSpan.FromSeconds(5), 1)
            .WithHandlerTimeout(TimeSpan.FromSeconds(2))
            .WithFallbackReply("brb")
            .WithIgnoredUsers("Nightbot")
            .WithOtherBotsIgnored(false)
            .Build();

        definition.Identity.Aliases.Should().Equal("kitty", "KB");
        definition.Personality.Should().Be(new Personality { Preset = PersonalityPreset.Professional, Length = ResponseLength.Long, CustomInstructions = "Be brief." });
        definition.Facts.Should().Equal("Fact one.");
        definition.ChatClient.Should().BeSameAs(llm);
        definition.RateLimits.MinimumGap.Should().Be(TimeSpan.Zero);
        definition.RateLimits.PerChannel.Should().Equal(RateLimitPolicy.Default.PerChannel);
        definition.ContextWindowSize.Should().Be(20);
        definition.ContextMaxAge.Should().Be(TimeSpan.FromMinutes(5));
        definition.ChannelQueueCapacity.Should().Be(16);
        definition.LlmTimeout.Should().Be(TimeSpan.FromSeconds(5));
        definition.MaxConcurrentLlmCalls.Should().Be(1);
        definition.HandlerTimeout.Should().Be(TimeSpan.FromSeconds(2));
        definition.FallbackReply.Should().Be("brb");
        definition.IgnoredUsers.Should().Contain("nightbot");
        definition.IgnoreOtherBots.Should().BeFalse();
    }

    [Fact]
    public void OnTriggers_RepeatedKinds_AutoNamedWithCounters()
    {
        var definition = new ChatBotBuilder("kit")
            .OnKeywords(["pizza"])
            .OnKeywords(["pasta"])
            .OnMention()
            .OnKeywords(["salad"])
            .OnMention()
            .OnCommand("dice", _ => "4")
            .OnCommand("dice", "Roll a die.", prefix: "?")
            .Build();

        definition.Triggers.Select(t => t.Name).Should().Equal("keyword", "keyword-2", "mention", "keyword-3", "mention-2", "dice", "dice-2");
    }

    [Fact]
    public void OnTriggers_NameTakenByHand_SkipsIt()
    {
        var definition = new ChatBotBuilder("kit")
            .AddTrigger(new KeywordTrigger("x") { Name = "Keyword-2" })
            .OnKeywords(["pizza"])
            .OnKeywords(["pasta"])
            .Build();

        definition.Triggers.Select(t => t.Name).Should().Equal("Keyword-2", "keyword", "keyword-3");
    }

    [Fact]
    public void OnTriggers_Each_BuildsTheMatchingTriggerKind()
    {
        var definition = new ChatBotBuilder("kit")
            .OnMention(TimeSpan.FromSeconds(5), 0.5, "Be nice.")
            .OnKeywords(["pizza"])
            .OnRegex("song")
            .OnCommand("dice", ctx => "4", ChatRoles.Moderator, TimeSpan.FromSeconds(3))
            .OnPrivateMessage()
            .OnAmbient()
            .OnTimer(TimeSpan.FromMinutes(10), "Say hi.")
            .OnMediaChange()
            .OnContextual()
            .Build();

        definition.Triggers.Select(t => t.Kind).Should().Equal(
            "mention", "keyword", "regex", "command", "private-message", "ambient", "timer", "media-change", "contextual");
        var mention = definition.Triggers[0];
        mention.Policy.Should().Be(new TriggerPolicy { Cooldown = TimeSpan.FromSeconds(5), Probability = 0.5 });
        mention.Responder.Instruction.Should().Be("Be nice.");
        var dice = (CommandTrigger)definition.Triggers[3];
        dice.RequiredRoles.Should().Be(ChatRoles.Moderator);
        dice.Cooldown.Should().Be(TimeSpan.FromSeconds(3));
        dice.Handler.Should().NotBeNull();
        ((AmbientTrigger)definition.Triggers[5]).Probability.Should().Be(0.05);
        definition.Triggers[7].Responder.Instruction.Should().Be(MediaChangeTrigger.DefaultInstruction);
        definition.Triggers[8].Policy.Cooldown.Should().Be(ContextualTrigger.DefaultInterval);
    }

    [Fact]
    public async Task OnCommand_SyncHandler_RunsThroughTheReplyHandler()
    {
        var definition = new ChatBotBuilder("kit").OnCommand("dice", ctx => $"rolled {ctx.Command!.Value.ArgumentText}").Build();
        var trigger = definition.Triggers[0];
        var context = new ReplyContext
        {
            Event = Fakes.Events.Message("alice", "!dice 20"),
            Trigger = trigger,
            Bot = definition.Identity,
            History = [],
            ChatClient = new FakeChatClient(),
            Now = Fakes.Events.Start,
            Random = new Random(1),
            CorrelationId = new CorrelationId(1),
        };

        (await trigger.Responder.Handler!(context, CancellationToken.None)).Should().Be("rolled 20");
    }

    [Fact]
    public void Build_LaterBuilderChanges_DoNotAffectTheDefinition()
    {
        var builder = new ChatBotBuilder("kit").WithAliases("kitty").WithFacts("one").OnMention().WithIgnoredUsers("nightbot");
        var definition = builder.Build();

        builder.WithName("other")
            .WithAliases("more")
            .WithFacts("two")
            .OnKeywords(["pizza"])
            .WithIgnoredUsers("streamelements")
            .WithPersonality(Personality.Humorous)
            .WithRateLimits(RateLimitPolicy.Unlimited)
            .WithContextWindow(5, TimeSpan.FromMinutes(1))
            .WithFallbackReply("oops");

        definition.Identity.Name.Should().Be("kit");
        definition.Identity.Aliases.Should().Equal("kitty");
        definition.Facts.Should().Equal("one");
        definition.Triggers.Select(t => t.Name).Should().Equal("mention");
        definition.IgnoredUsers.Should().BeEquivalentTo(["nightbot"]);
        definition.Personality.Should().Be(Personality.Friendly);
        definition.RateLimits.Should().BeEquivalentTo(RateLimitPolicy.Default);
        definition.ContextWindowSize.Should().Be(50);
        definition.FallbackReply.Should().BeNull();
        builder.Build().Triggers.Should().HaveCount(2);
    }

    [Fact]
    public void Build_DefinitionLists_CannotBeChangedThroughACast()
    {
        var definition = new ChatBotBuilder("kit").WithAliases("kitty").WithFacts("one").OnMention().Build();

        var addTrigger = () => ((ICollection<ITrigger>)definition.Triggers).Add(new KeywordTrigger("x"));
        var addFact = () => ((ICollection<string>)definition.Facts).Add("injected");
        var addAlias = () => ((ICollection<string>)definition.Identity.Aliases).Add("injected");

        addTrigger.Should().Throw<NotSupportedException>();
        addFact.Should().Throw<NotSupportedException>();
        addAlias.Should().Throw<NotSupportedException>();
    }

    [Fact]
    public void Constructor_NoName_IsBot() =>
        new ChatBotBuilder().Build().Identity.Name.Should().Be("bot");

    [Fact]
    public void WithRateLimits_Function_ReceivesTheCurrentPolicy()
    {
        var builder = new ChatBotBuilder("kit")
            .WithRateLimits(r => r with { MinimumGap = TimeSpan.FromSeconds(3) })
            .WithRateLimits(r => r with { Global = [RateWindow.PerMinute(10)] });

        builder.RateLimits.MinimumGap.Should().Be(TimeSpan.FromSeconds(3));
        builder.RateLimits.Global.Should().Equal(RateWindow.PerMinute(10));
    }

    [Fact]
    public void WithFilters_FunctionReturnsNull_Throws()
    {
        var act = () => new ChatBotBuilder("kit").WithFilters(_ => null!);

        act.Should().Throw<ArgumentException>();
    }

    private sealed class CustomTrigger : ITrigger
    {
        public string Name { get; init; } = "custom";

        public string Kind => "custom";

        public TimeSpan? TimerInterval => null;

        public TriggerPolicy Policy { get; init; } = TriggerPolicy.Default;

        public TriggerResponder Responder => TriggerResponder.LanguageModel;

        public bool Matches(in TriggerContext context) => true;
    }

    [Fact]
    public void Build_CallerChangesListsItPassedIn_DefinitionKeepsItsCopy()
    {
        var perUser = new List<RateWindow> { RateWindow.PerMinute(3) };
        var blocked = new List<string> { "spoiler" };
        var definition = new ChatBotBuilder("kit")
            .WithRateLimits(r => r with { PerUser = perUser })
            .WithFilters(f => f with { BlockedWords = blocked })
            .Build();

        perUser.Add(RateWindow.PerHour(1));
        blocked.Clear();

        definition.RateLimits.PerUser.Should().Equal(RateWindow.PerMinute(3));
        definition.FilterSettings.BlockedWords.Should().Equal("spoiler");
    }

    [Fact]
    public void Build_DeclaredSources_DefinitionKeepsThemWithItsOwnChannelList()
    {
        var channels = new List<string> { "a" };
        var definition = new ChatBotBuilder("kit").AddSource(Source("twitch") with { Channels = channels }).Build();

        channels.Add("b");

        definition.Sources.Should().ContainSingle().Which.Name.Should().Be("twitch");
        definition.Sources[0].Channels.Should().Equal("a");
    }

    private static ChatSourceRegistration Source(string name) =>
        new(name, new FakeSettings("x"), _ => new FakeChatSource());

    private sealed record FakeSettings(string Server);
}
