using ChatBotKit.Events;
using ChatBotKit.Twitch.Parsing;
using static ChatBotKit.Twitch.Tests.Parsing.TwitchEventParserCorpusTests;

namespace ChatBotKit.Twitch.Tests.Parsing;

/// <summary>USERNOTICE, CLEARCHAT, CLEARMSG, NOTICE and ROOMSTATE lines from the corpus, field by field.</summary>
public class TwitchEventParserNoticeTests
{
    [Fact]
    public void Parse_Resub_GivesTierMonthsTextAndUnescapedSystemMessageInRaw()
    {
        var sub = Parse<UserSubscribed>("msg-param-cumulative-months=2;msg-param-months=0");

        sub.User.Should().Be(new ChatUser("21156217", "gutrin", "Gutrin", ChatRoles.Subscriber));
        sub.Tier.Should().Be("1000");
        sub.Months.Should().Be(2);
        sub.Text.Should().Be("xqcL");
        sub.Gifter.Should().BeNull();
        sub.Channel.Should().Be("xqcow");
        IrcLine.Parse((string)sub.RawRepresentation!).GetTag("system-msg").Should()
            .Be("Gutrin subscribed at Tier 1. They've subscribed for 2 months, currently on a 2 month streak!");
    }

    [Fact]
    public void Parse_SubGift_RecipientIsUserAndSenderIsGifter()
    {
        var gift = Parse<UserSubscribed>("msg-param-recipient-display-name=qatarking24xd;msg-param-recipient-id=236653628;msg-param-recipient-user-name=qatarking24xd;msg-param-sender-count=0;msg-param-sub-plan-name=Channel\\sSubscription\\s(xqcow);msg-param-sub-plan=1000;room-id=71092938;subscriber=0;system-msg=AdamAtReflectStudios");

        gift.User.Should().Be(new ChatUser("236653628", "qatarking24xd", "qatarking24xd"));
        gift.Gifter!.Login.Should().Be("adamatreflectstudios");
        gift.Months.Should().Be(2);
    }

    [Fact]
    public void Parse_AnonymousSubGift_HasNoGifter()
    {
        var gift = Parse<UserSubscribed>("msg-id=anonsubgift");

        gift.Gifter.Should().BeNull();
        gift.User.Login.Should().Be("qatarking24xd");
    }

    [Fact]
    public void Parse_GiftPaidUpgrade_NamesTheOriginalGifter()
    {
        var upgrade = Parse<UserSubscribed>("login=crazycrackanimal;mod=0;msg-id=giftpaidupgrade;msg-param-sender-login=stridezgum;msg-param-sender-name=Stridezgum;room-id");

        upgrade.User.Login.Should().Be("crazycrackanimal");
        upgrade.Gifter.Should().Be(new ChatUser("stridezgum", "stridezgum", "Stridezgum"));
    }

    [Fact]
    public void Parse_Raid_GivesRaiderAndViewers()
    {
        var raid = Parse<ChannelRaided>("msg-param-viewerCount=430");

        raid.Raider.Should().Be(new ChatUser("155874595", "iamelisabete", "iamelisabete"));
        raid.ViewerCount.Should().Be(430);
        raid.Channel.Should().Be("xqcow");
    }

    [Fact]
    public void Parse_Announcement_IsNoticeWithTextAndAuthor()
    {
        var notice = Parse<ChannelNotice>("msg-param-color=PRIMARY;room-id=11148817;subscriber=1;system-msg=;tmi-sent-ts=1780872797175");

        notice.NoticeId.Should().Be("announcement");
        notice.Text.Should().Be("hello pajs pajaH Kappa Keepo");
        notice.User!.Roles.Should().Be(ChatRoles.Moderator | ChatRoles.Subscriber);
    }

    [Fact]
    public void Parse_MysteryGiftWithoutText_UsesUnescapedSystemMessage()
    {
        var notice = Parse<ChannelNotice>("msg-param-mass-gift-count=10;");

        notice.NoticeId.Should().Be("submysterygift");
        notice.Text.Should().Be("An anonymous user is gifting 10 Tier 1 Subs to xQcOW's community!");
    }

    [Fact]
    public void Parse_Timeout_GivesUserAndDuration()
    {
        var timeout = Parse<UserTimedOut>("@ban-duration=1;room-id=11148817");

        timeout.User.Should().Be(new ChatUser("148973258", "fabzeef", "fabzeef"));
        timeout.Duration.Should().Be(TimeSpan.FromSeconds(1));
        timeout.Timestamp.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1594553828245));
    }

    [Fact]
    public void Parse_Ban_GivesUserBanned()
    {
        Parse<UserBanned>("target-user-id=70948394").User.Login.Should().Be("weeb123");
    }

    [Fact]
    public void Parse_ClearChatWithoutUser_IsClearchatNotice()
    {
        Parse<ChannelNotice>("@room-id=40286300;tmi-sent-ts=1594561392337 :tmi.twitch.tv CLEARCHAT").NoticeId.Should().Be("clearchat");
    }

    [Fact]
    public void Parse_ClearMessage_GivesDeletedIdAndAuthor()
    {
        var deleted = Parse<MessageDeleted>("target-msg-id=15e5164d");

        deleted.MessageId.Should().Be("15e5164d-f8e6-4aec-baf4-2d6a330760c4");
        deleted.User!.Login.Should().Be("randers");
        deleted.Channel.Should().Be("pajlada");
    }

    [Fact]
    public void Parse_Notice_GivesMsgIdAndText()
    {
        var notice = Parse<ChannelNotice>("@msg-id=msg_banned");

        notice.NoticeId.Should().Be("msg_banned");
        notice.Channel.Should().Be("forsen");
        notice.Text.Should().Be("You are permanently banned from talking in forsen.");
    }

    [Fact]
    public void Parse_ConnectionNotice_HasStarChannel()
    {
        var notice = Parse<ChannelNotice>("Improperly formatted auth");

        notice.Channel.Should().Be("*");
        notice.NoticeId.Should().Be("notice");
    }

    [Fact]
    public void Parse_RoomState_IsRoomstateNoticeWithSettings()
    {
        var state = Parse<ChannelNotice>("@room-id=40286300;slow=5 :tmi.twitch.tv ROOMSTATE");

        state.NoticeId.Should().Be("roomstate");
        state.Text.Should().Be("room-id=40286300;slow=5");
        state.Channel.Should().Be("randers");
    }
}
