using ChatBotKit.Events;
using ChatBotKit.YouTube.DataApi;
using ChatBotKit.YouTube.Tests.Parsing;

namespace ChatBotKit.YouTube.Tests.DataApi;

public sealed class LiveChatMessageParserTests
{
    private static byte[] Recorded(string name) => YouTubeTestData.Read(Path.Combine("data-api", name));

    private static MessageListPage Parse(params string[] items) => new LiveChatMessageParser("video1").Parse(DataApiJson.Page("next", 5000, items));

    [Fact]
    public void Parse_RecordedTextMessage_MapsTextAuthorTimeAndPaging()
    {
        var page = new LiveChatMessageParser("video1").Parse(Recorded("pytchat_compatible_API_TextMessage.json"));

        page.NextPageToken.Should().Be("GPaimtHdmuUCIJi18ez1muUC");
        page.PollingInterval.Should().Be(TimeSpan.FromMilliseconds(7300));
        page.Problems.Should().BeEmpty();
        var message = page.Events.Should().ContainSingle().Which.Should().BeOfType<MessageReceived>().Subject;
        message.Text.Should().Be("888");
        message.Channel.Should().Be("video1");
        message.Id.Should().StartWith("LCC.Ck7NAO9vS2nHct38SwUnWfkQy5kxNdHJqrL0dYOb3izT");
        message.Timestamp.Should().Be(new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero));
        message.User.Should().Be(new ChatUser("UCZneZy3197k3ErGxVjKFZSg", "a", "A", ChatRoles.None));
        message.RawRepresentation.Should().NotBeNull();
    }

    [Fact]
    public void Parse_RecordedSuperChat_ReadsMicrosCurrencyAndComment()
    {
        var page = new LiveChatMessageParser("video1").Parse(Recorded("pytchat_compatible_API_SuperChat.json"));

        page.PollingInterval.Should().Be(TimeSpan.FromSeconds(4));
        var paid = page.Events.Should().ContainSingle().Which.Should().BeOfType<SuperChatReceived>().Subject;
        paid.Amount.Should().Be(200m, "amountMicros \"200000000\" is a string of millionths");
        paid.Currency.Should().Be("JPY");
        paid.DisplayAmount.Should().Be("¥200");
        paid.Text.Should().Be("888");
    }

    [Fact]
    public void Parse_RecordedNewSponsor_IsANewMemberWithTheSubscriberRole()
    {
        var page = new LiveChatMessageParser("video1").Parse(Recorded("pytchat_compatible_API_NewSponsor.json"));

        var member = page.Events.Should().ContainSingle().Which.Should().BeOfType<UserSubscribed>().Subject;
        member.User.Roles.Should().Be(ChatRoles.Subscriber, "isChatSponsor is true");
        member.Months.Should().Be(0);
        member.Text.Should().Be("NEW MEMBER! Welcome A!");
    }

    [Fact]
    public void Parse_AuthorFlags_BecomeRoles()
    {
        var page = Parse(
            DataApiJson.Text("m1", "owner", "hi", DataApiJson.Roles("isChatOwner")),
            DataApiJson.Text("m2", "mod", "hi", DataApiJson.Roles("isChatModerator", "isVerified")),
            DataApiJson.Text("m3", "member", "hi", DataApiJson.Roles("isChatSponsor")));

        page.Events.Select(e => e.Author!.Roles).Should().Equal(ChatRoles.Broadcaster, ChatRoles.Moderator | ChatRoles.Verified, ChatRoles.Subscriber);
        page.Events[0].Author!.Login.Should().Be("owner", "the @ is dropped and the name lower-cased, as the keyless reader does");
    }

    [Fact]
    public void Parse_EveryMappedType_GivesTheKeylessReadersEvent()
    {
        var page = Parse(
            DataApiJson.Item("s1", "superStickerEvent", "ann", "'superStickerDetails':{'amountMicros':'5000000','currency':'USD','amountDisplayString':'$5.00','tier':2,'superStickerMetadata':{'stickerId':'x','altText':'dancing cat','altTextLanguage':'en'}}"),
            DataApiJson.Item("k1", "memberMilestoneChatEvent", "bob", "'memberMilestoneChatDetails':{'memberLevelName':'Gold','memberMonth':7,'userComment':'seven!'}"),
            DataApiJson.Item("g1", "membershipGiftingEvent", "cat", "'membershipGiftingDetails':{'giftMembershipsCount':5,'giftMembershipsLevelName':'Gold'}"),
            DataApiJson.Item("g2", "giftMembershipReceivedEvent", "dan", "'giftMembershipReceivedDetails':{'memberLevelName':'Gold','gifterChannelId':'UCcat','associatedMembershipGiftingMessageId':'g1'}"),
            DataApiJson.Item("d1", "messageDeletedEvent", "mod", "'messageDeletedDetails':{'deletedMessageId':'m9'}"),
            DataApiJson.Item("d2", "messageRetractedEvent", "eve", "'messageRetractedDetails':{'retractedMessageId':'m8'}"),
            DataApiJson.Item("b1", "userBannedEvent", "mod", "'userBannedDetails':{'bannedUserDetails':{'channelId':'UCtroll','displayName':'Troll'},'banType':'permanent'}"),
            DataApiJson.Item("b2", "userBannedEvent", "mod", "'userBannedDetails':{'bannedUserDetails':{'channelId':'UCnoisy','displayName':'Noisy'},'banType':'temporary','banDurationSeconds':300}"),
            DataApiJson.Item("e1", "chatEndedEvent", "owner", string.Empty));

        page.Problems.Should().BeEmpty();
        page.Events.Select(e => e.Kind).Should().Equal("super-chat", "subscription", "subscription", "subscription", "message-deleted", "message-deleted", "ban", "timeout");
        page.Events[0].Should().BeOfType<SuperChatReceived>().Which.Should().Match<SuperChatReceived>(s => s.Amount == 5m && s.Currency == "USD" && s.Text == "dancing cat");
        page.Events[1].Should().BeOfType<UserSubscribed>().Which.Should().Match<UserSubscribed>(s => s.Months == 7 && s.Tier == "Gold" && s.Text == "seven!");
        var gift = page.Events[2].Should().BeOfType<UserSubscribed>().Subject;
        gift.Gifter.Should().Be(gift.User, "the buyer is their own gifter, as in keyless reading");
        page.Events[3].Should().BeOfType<UserSubscribed>().Which.Gifter!.Id.Should().Be("UCcat");
        page.Events.OfType<MessageDeleted>().Select(d => d.MessageId).Should().Equal("m9", "m8");
        page.Events[6].Should().BeOfType<UserBanned>().Which.User.Should().Be(new ChatUser("UCtroll", "troll", "Troll"));
        page.Events[7].Should().BeOfType<UserTimedOut>().Which.Duration.Should().Be(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Parse_SameMessageOnOverlappingPages_IsDeliveredOnce()
    {
        var parser = new LiveChatMessageParser("video1");

        var first = parser.Parse(DataApiJson.Page("p2", 5000, DataApiJson.Text("m1", "ann", "one"), DataApiJson.Text("m2", "ann", "two")));
        var second = parser.Parse(DataApiJson.Page("p3", 5000, DataApiJson.Text("m2", "ann", "two"), DataApiJson.Text("m3", "ann", "three")));

        first.Events.Select(e => e.Id).Should().Equal("m1", "m2");
        second.Events.Select(e => e.Id).Should().Equal("m3");
    }

    [Fact]
    public void Parse_BrokenItems_AreSkippedNamingWhatAndWhereAndTheRestIsRead()
    {
        var page = Parse(
            "{\"snippet\":{\"type\":\"textMessageEvent\"}}",
            DataApiJson.Item("x1", "superChatEvent", "ann", "'superChatDetails':{'currency':'USD'}"),
            DataApiJson.Item("x2", "messageDeletedEvent", "mod", string.Empty),
            DataApiJson.Item("x3", "userBannedEvent", "mod", "'userBannedDetails':{'banType':'permanent'}"),
            "42",
            DataApiJson.Item("x4", "brandNewEvent", "ann", string.Empty),
            DataApiJson.Item("x5", "brandNewEvent", "ann", string.Empty),
            DataApiJson.Text("ok", "ann", "still here"));

        page.Problems.Should().Equal(
            "missing id at $.items[0]",
            "missing amountMicros at $.items[1].snippet.superChatDetails",
            "missing deletedMessageId at $.items[2].snippet.messageDeletedDetails",
            "missing channelId at $.items[3].snippet.userBannedDetails.bannedUserDetails",
            "missing id at $.items[4]");
        page.NewUnknownTypes.Should().Equal("brandNewEvent");
        page.Events.Should().ContainSingle().Which.Should().BeOfType<MessageReceived>().Which.Text.Should().Be("still here");
    }

    [Theory]
    [InlineData("<html>Sorry</html>")]
    [InlineData("{\"kind\":\"youtube#liveChatMessageListResponse\",\"items\":[{\"id\":")]
    [InlineData("{\"error\":{\"code\":500}}")]
    [InlineData("[]")]
    public void Parse_NotAMessageList_IsUnreadableWithAProblem(string body)
    {
        var page = new LiveChatMessageParser("video1").Parse(System.Text.Encoding.UTF8.GetBytes(body));

        page.IsReadable.Should().BeFalse();
        page.Problems.Should().ContainSingle();
    }

    [Fact]
    public void Parse_OfflineAt_IsReported()
    {
        var page = new LiveChatMessageParser("video1").Parse(DataApiJson.Offline("2026-12-05T22:00:00Z"));

        page.OfflineAt.Should().Be("2026-12-05T22:00:00Z");
        page.IsReadable.Should().BeTrue();
    }
}
