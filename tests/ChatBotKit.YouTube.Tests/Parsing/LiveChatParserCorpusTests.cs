using ChatBotKit.Events;

namespace ChatBotKit.YouTube.Tests.Parsing;

/// <summary>Every recorded response, with the fields a bot relies on checked one by one.</summary>
public sealed class LiveChatParserCorpusTests
{
    private static readonly DateTimeOffset Sent2019 = DateTimeOffset.FromUnixTimeMilliseconds(1570678496000);
    private const string Prefix = "$.continuationContents.liveChatContinuation";

    [Fact]
    public void Parse_EveryRecordedFile_IsReadableWithAContinuation()
    {
        YouTubeTestData.Files.Should().HaveCount(9);
        foreach (var file in YouTubeTestData.Files)
        {
            var page = YouTubeTestData.Parse(file);
            page.IsReadable.Should().BeTrue(file);
            page.Continuation.Should().NotBeNullOrEmpty(file);
            page.Timeout.Should().Be(TimeSpan.FromSeconds(file == "pytchat_test_stream.json" ? 5 : 10), file);
        }
    }

    [Fact]
    public void Parse_TextMessage_ReadsIdAuthorTextTimeAndContinuation()
    {
        var page = YouTubeTestData.Parse("pytchat_default_textmessage.json");

        page.Continuation.Should().Be("___continuation___");
        page.Problems.Should().BeEmpty();
        var message = page.Events.Should().ContainSingle().Which.Should().BeOfType<MessageReceived>().Subject;
        message.Id.Should().Be("dummy_id");
        message.Text.Should().Be("dummy_message");
        message.Timestamp.Should().Be(Sent2019);
        message.Platform.Should().Be(ChatPlatform.YouTube);
        message.Channel.Should().Be("video1");
        message.User.Should().Be(new ChatUser("author_channel_id", "author_name", "author_name"));
    }

    [Fact]
    public void Parse_SuperChat_ReadsAmountCurrencyAndMessage_AndSkipsTheTicker()
    {
        var page = YouTubeTestData.Parse("pytchat_default_superchat.json");

        var paid = page.Events.Should().ContainSingle().Which.Should().BeOfType<SuperChatReceived>().Subject;
        paid.Amount.Should().Be(800m);
        paid.Currency.Should().Be("JPY");
        paid.DisplayAmount.Should().Be("￥800");
        paid.Text.Should().Be("dummy_message");
        paid.User.Id.Should().Be("author_channel_id");
        page.NewUnknownRenderers.Should().BeEmpty();
    }

    [Fact]
    public void Parse_SuperSticker_IsASuperChatWhoseTextIsTheStickerLabel()
    {
        var paid = YouTubeTestData.Parse("pytchat_default_supersticker.json").Events.Should().ContainSingle()
            .Which.Should().BeOfType<SuperChatReceived>().Subject;

        paid.Amount.Should().Be(200m);
        paid.Currency.Should().Be("JPY");
        paid.Text.Should().Be("___sticker_label___");
        paid.Timestamp.Should().Be(Sent2019);
    }

    [Fact]
    public void Parse_NewMember_IsASubscriptionWithTheLevelTextAndNoMonths()
    {
        var member = YouTubeTestData.Parse("pytchat_default_newSponsor_current.json").Events.Should().ContainSingle()
            .Which.Should().BeOfType<UserSubscribed>().Subject;

        member.Tier.Should().Be("新規メンバー");
        member.Months.Should().Be(0);
        member.User.Roles.Should().HaveFlag(ChatRoles.Subscriber);
        member.Gifter.Should().BeNull();
    }

    [Fact]
    public void Parse_ReplayPage_UnwrapsReplayActionsAndReadsMemberBadge()
    {
        var page = YouTubeTestData.Parse("pytchat_default_replay_member_text.json");

        page.Continuation.Should().Be("___continuation___");
        var message = page.Events.Should().ContainSingle().Which.Should().BeOfType<MessageReceived>().Subject;
        message.Text.Should().Be("dummy_message");
        message.User.Roles.Should().Be(ChatRoles.Subscriber);
    }

    [Fact]
    public void Parse_OlderResponseWrapper_ReadsTimedContinuationAndMember()
    {
        var page = YouTubeTestData.Parse("pytchat_chat.json");

        page.Continuation.Should().Be("continuation");
        var message = page.Events.Should().ContainSingle().Which.Should().BeOfType<MessageReceived>().Subject;
        message.Id.Should().Be("id");
        message.Text.Should().Be("message");
        message.User.Should().Be(new ChatUser("UC", "authorname", "authorName", ChatRoles.Subscriber));
        message.Timestamp.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1576851922945));
    }

    [Fact]
    public void Parse_MixedStream_DeliversEachAnonymisedIdOncePerKind()
    {
        // Every item in this file has the id "dummy_id": the second text message and the sticker repeat an id already
        // delivered. The new member is only inside a ticker item, which repeats chat items and is passed over.
        var page = YouTubeTestData.Parse("pytchat_test_stream.json");

        page.Events.Select(e => e.Kind).Should().Equal("message", "super-chat");
        page.Events[0].Should().BeOfType<MessageReceived>().Which.Text.Should().Be("This is normal message.");
        page.Events[1].Should().BeOfType<SuperChatReceived>().Which.Text.Should().Be("This is superchat message.");
        page.Problems.Should().BeEmpty();
        page.NewUnknownRenderers.Should().BeEmpty();
    }

    [Fact]
    public void Parse_ItemsWithoutIds_AreSkippedAndEachProblemNamesItsPath()
    {
        var page = YouTubeTestData.Parse("pytchat_speed_speedtest_normal.json");

        page.Events.Should().BeEmpty();
        page.Problems.Should().HaveCount(15);
        page.Problems[0].Should().Be($"missing id at {Prefix}.actions[0].addChatItemAction.item.liveChatTextMessageRenderer");
        page.Problems[14].Should().Contain("actions[14]");
    }

    [Fact]
    public void Parse_LiveChatPageInitialData_ReadsNineMessagesFromTheOlderEnvelope()
    {
        var page = YouTubeTestData.Parse("chat-downloader_live_chat_page_initial_data_2020.json");

        page.Problems.Should().BeEmpty();
        page.NewUnknownRenderers.Should().BeEmpty();
        var messages = page.Events.Should().AllBeOfType<MessageReceived>().Subject.ToList();
        messages.Should().HaveCount(9);
        messages[0].Text.Should().Be("PSIPHI");
        messages[0].User.Should().Be(new ChatUser("UCoyl8L7pJlXDPd-WwyyccOw", "psi", "PSI"));
        messages[0].Timestamp.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1589578920873));
        messages[^1].User.DisplayName.Should().Be("Ψ");
        page.Continuation.Should().StartWith("0ofMyAOkARpQ");
    }
}
