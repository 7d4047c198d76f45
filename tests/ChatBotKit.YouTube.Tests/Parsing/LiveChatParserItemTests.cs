using ChatBotKit.Events;
using ChatBotKit.YouTube.Parsing;
using static ChatBotKit.YouTube.Tests.Parsing.LiveChatJson;

namespace ChatBotKit.YouTube.Tests.Parsing;

public sealed class LiveChatParserItemTests
{
    private readonly LiveChatParser _parser = new("video1");

    [Fact]
    public void Parse_EmojiRuns_BecomeTheirFirstShortcutOrId()
    {
        var page = _parser.Parse(Page("c", 1000, """
            {"addChatItemAction":{"item":{"liveChatTextMessageRenderer":{"id":"m1","authorExternalChannelId":"UCa","authorName":{"simpleText":"@alice"},
             "message":{"runs":[{"text":"hi "},{"emoji":{"emojiId":"😀","shortcuts":[":grinning:",":smile:"]}},{"text":" "},{"emoji":{"emojiId":"UCx/abc","isCustomEmoji":true}}]}}}}}
            """));

        page.Events.Should().ContainSingle().Which.Should().BeOfType<MessageReceived>().Which.Text.Should().Be("hi :grinning: UCx/abc");
    }

    [Fact]
    public void Parse_AuthorBadges_MapToRoles()
    {
        var page = _parser.Parse(Page("c", 1000,
            TextItem("m1", "owner", "a", Badges(Badge("OWNER"))),
            TextItem("m2", "mod", "b", Badges(Badge("MODERATOR"), MemberBadge("Member (2 years)"))),
            TextItem("m3", "star", "c", Badges(Badge("VERIFIED")))));

        page.Events.Cast<MessageReceived>().Select(m => m.User.Roles).Should().Equal(
            ChatRoles.Broadcaster, ChatRoles.Moderator | ChatRoles.Subscriber, ChatRoles.Verified);
        page.Events[0].Author!.Login.Should().Be("owner");
        page.Events[0].Author!.DisplayName.Should().Be("@owner");
    }

    [Fact]
    public void Parse_Milestone_ReadsMonthsLevelAndComment()
    {
        var page = _parser.Parse(Page("c", 1000, """
            {"addChatItemAction":{"item":{"liveChatMembershipItemRenderer":{"id":"ms1","authorExternalChannelId":"UCm","authorName":{"simpleText":"@m"},
             "headerPrimaryText":{"runs":[{"text":"Member for "},{"text":"14"},{"text":" months"}]},"headerSubtext":{"simpleText":"Gold"},
             "message":{"runs":[{"text":"still here"}]}}}}}
            """));

        var member = page.Events.Should().ContainSingle().Which.Should().BeOfType<UserSubscribed>().Subject;
        (member.Months, member.Tier, member.Text).Should().Be((14, "Gold", "still here"));
    }

    [Fact]
    public void Parse_GiftPurchaseAndRedemption_NameGifterAndRecipient()
    {
        var page = _parser.Parse(Page("c", 1000, """
            {"addChatItemAction":{"item":{"liveChatSponsorshipsGiftPurchaseAnnouncementRenderer":{"id":"g1","authorExternalChannelId":"UCg",
             "header":{"liveChatSponsorshipsHeaderRenderer":{"authorName":{"simpleText":"@giver"},"primaryText":{"runs":[{"text":"Gifted "},{"text":"5"},{"text":" memberships"}]}}}}}}}
            """, """
            {"addChatItemAction":{"item":{"liveChatSponsorshipsGiftRedemptionAnnouncementRenderer":{"id":"g2","authorExternalChannelId":"UCr","authorName":{"simpleText":"@lucky"},
             "message":{"runs":[{"text":"received a gift membership by "},{"text":"giver"}]}}}}}
            """));

        var purchase = page.Events[0].Should().BeOfType<UserSubscribed>().Subject;
        purchase.Gifter!.Id.Should().Be("UCg");
        purchase.Text.Should().Be("Gifted 5 memberships");
        var redemption = page.Events[1].Should().BeOfType<UserSubscribed>().Subject;
        redemption.User.Login.Should().Be("lucky");
        redemption.Text.Should().Be("received a gift membership by giver");
    }

    [Fact]
    public void Parse_DeletedRetractedAndAuthorRemoved_MapToDeletionAndBan()
    {
        var page = _parser.Parse(Page("c", 1000,
            """{"markChatItemAsDeletedAction":{"deletedStateMessage":{"runs":[{"text":"[message deleted]"}]},"targetItemId":"m1"}}""",
            """{"removeChatItemAction":{"targetItemId":"m2"}}""",
            """{"markChatItemsByAuthorAsDeletedAction":{"deletedStateMessage":{"runs":[]},"externalChannelId":"UCbad"}}"""));

        page.Events.OfType<MessageDeleted>().Select(d => d.MessageId).Should().Equal("m1", "m2");
        page.Events[2].Should().BeOfType<UserBanned>().Which.User.Id.Should().Be("UCbad");
    }

    [Fact]
    public void Parse_OverlappingPages_DeliverEachItemOnce()
    {
        _parser.Parse(Page("c1", 1000, TextItem("m1", "a", "one"), TextItem("m2", "a", "two"))).Events.Should().HaveCount(2);

        var second = _parser.Parse(Page("c2", 1000, TextItem("m2", "a", "two"), TextItem("m3", "a", "three")));

        second.Events.Cast<MessageReceived>().Select(m => m.Text).Should().Equal("three");
    }

    [Fact]
    public void RecentIds_AtCapacity_ForgetsTheOldest()
    {
        var recent = new RecentIds(2);
        recent.Add("a").Should().BeTrue();
        recent.Add("b").Should().BeTrue();
        recent.Add("c").Should().BeTrue();

        recent.Add("a").Should().BeTrue("a was forgotten");
        recent.Add("c").Should().BeFalse();
    }

    [Theory]
    [InlineData("$5.00", 5.00, "USD")]
    [InlineData("CA$10.00", 10.00, "CAD")]
    [InlineData("€1.234,50", 1234.50, "EUR")]
    [InlineData("￥1,500", 1500, "JPY")]
    [InlineData("CHF 5.00", 5.00, "CHF")]
    [InlineData("1.000 ₫", 1000, "VND")]
    public void PaidAmount_DisplayedAmounts_ReadAsNumberAndCode(string display, double amount, string currency) =>
        PaidAmount.Parse(display).Should().Be(((decimal)amount, currency));
}
