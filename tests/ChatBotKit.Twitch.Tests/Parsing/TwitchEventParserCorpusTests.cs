using ChatBotKit.Events;
using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.Tests.Parsing;

/// <summary>Every recorded line, and field-level checks on each kind of line in the corpus.</summary>
public class TwitchEventParserCorpusTests
{
    public static TheoryData<string> Lines() => [.. TwitchTestData.AllLines.Distinct(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Lines))]
    public void Parse_EveryRecordedLine_GivesTheEventItsCommandMeans(string text)
    {
        var parser = new TwitchEventParser();
        var line = IrcLine.Parse(text);

        var evt = parser.Parse(text);

        line.IsValid.Should().BeTrue();
        var command = line.Command.ToString();
        switch (command)
        {
            case "PRIVMSG":
                evt.Should().Match<ChatEvent>(e => e is MessageReceived || e is BitsCheered);
                break;
            case "WHISPER":
                evt.Should().BeOfType<MessageReceived>().Which.MessageKind.Should().Be(MessageKind.Private);
                break;
            case "USERNOTICE":
                evt.Should().Match<ChatEvent>(e => e is UserSubscribed || e is ChannelRaided || e is ChannelNotice);
                break;
            case "CLEARCHAT":
                evt.Should().Match<ChatEvent>(e => e is UserBanned || e is UserTimedOut || e is ChannelNotice);
                break;
            case "CLEARMSG":
                evt.Should().BeOfType<MessageDeleted>();
                break;
            case "NOTICE" or "ROOMSTATE":
                evt.Should().BeOfType<ChannelNotice>();
                break;
            case "JOIN":
                evt.Should().BeOfType<UserJoined>();
                break;
            case "PART":
                evt.Should().BeOfType<UserLeft>();
                break;
            default:
                evt.Should().BeNull($"{command} is handled by the connection, not the engine");
                break;
        }

        if (evt is not null)
        {
            evt.Platform.Should().Be(ChatPlatform.Twitch);
            evt.RawRepresentation.Should().BeSameAs(text, "unknown tags stay available in the raw line");
            evt.Channel.Should().NotStartWith("#").And.NotBeEmpty();
        }
    }

    [Fact]
    public void Parse_PrivmsgWithReply_ReadsUserRolesReplyAndTimestamp()
    {
        var msg = Parse<MessageReceived>("reply-parent-msg-body=hello");

        msg.Channel.Should().Be("retoon");
        msg.Text.Should().Be("@Retoon yes");
        msg.Id.Should().Be("5b4f63a9-776f-4fce-bf3c-d9707f52e32d");
        msg.ReplyToId.Should().Be("6b13e51b-7ecb-43b5-ba5b-2bb5288df696");
        msg.User.Should().Be(new ChatUser("133651738", "leftswing", "LeftSwing"));
        msg.Timestamp.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1673925983585));
        msg.MessageKind.Should().Be(MessageKind.Public);
        msg.IsFirstMessage.Should().BeFalse();
    }

    [Fact]
    public void Parse_ModeratorBadge_GivesModeratorRole()
    {
        var msg = Parse<MessageReceived>("display-name=boring_nick");

        msg.User.Roles.Should().Be(ChatRoles.Moderator);
        msg.User.DisplayName.Should().Be("boring_nick");
    }

    [Fact]
    public void Parse_BroadcasterAndSubscriberBadges_GiveBothRoles()
    {
        var msg = Parse<MessageReceived>("display-name=Alca;emotes=499");

        msg.User.Roles.Should().Be(ChatRoles.Broadcaster | ChatRoles.Subscriber);
        msg.Text.Should().Be("Hi :)");
    }

    [Fact]
    public void Parse_VipBadge_GivesVipRole()
    {
        var notice = Parse<UserSubscribed>("badges=vip/1,subscriber/0,premium/1");

        notice.User.Roles.Should().Be(ChatRoles.Vip | ChatRoles.Subscriber);
    }

    [Fact]
    public void Parse_ActionMessage_IsActionWithoutCtcpFraming()
    {
        var msg = Parse<MessageReceived>(":randers!randers@randers.tmi.twitch.tv PRIVMSG #pajlada :\u0001ACTION -tags");

        msg.MessageKind.Should().Be(MessageKind.Action);
        msg.Text.Should().Be("-tags");
        msg.User.Login.Should().Be("randers");
    }

    [Fact]
    public void Parse_Cheer_IsBitsCheeredWithText()
    {
        var cheer = Parse<BitsCheered>("display-name=TETYYS");

        cheer.Bits.Should().Be(1);
        cheer.Text.Should().Be("trihard1");
        cheer.User.Login.Should().Be("tetyys");
    }

    [Fact]
    public void Parse_ActionCheer_KeepsBitsAndActionText()
    {
        var cheer = Parse<BitsCheered>("PRIVMSG #schmoopiie :\u0001ACTION cheer100");

        cheer.Bits.Should().Be(100);
        cheer.Text.Should().Be("cheer100 Hello :)");
    }

    [Fact]
    public void Parse_UnicodeText_KeptWhole()
    {
        Parse<MessageReceived>("some_1_happy").Text.Should().Be("Я не такой красивый. Не урод, но до тебя далеко LUL");
    }

    [Fact]
    public void Parse_Whisper_IsPrivateMessageToTheBot()
    {
        var whisper = Parse<MessageReceived>("WHISPER randers811");

        whisper.MessageKind.Should().Be(MessageKind.Private);
        whisper.Channel.Should().Be("randers811");
        whisper.User.Should().Be(new ChatUser("40286300", "randers", "randers"));
        whisper.Text.Should().Be("hello, this is a test Kappa");
        whisper.Id.Should().Be("1");
    }

    [Fact]
    public void Parse_JoinAndPart_GiveUserJoinedAndLeft()
    {
        var parser = new TwitchEventParser();

        var joined = parser.Parse(":randers811!randers811@randers811.tmi.twitch.tv JOIN #pajlada").Should().BeOfType<UserJoined>().Subject;
        var left = parser.Parse(":randers811!randers811@randers811.tmi.twitch.tv PART #pajlada").Should().BeOfType<UserLeft>().Subject;

        joined.User.Login.Should().Be("randers811");
        joined.Channel.Should().Be("pajlada");
        left.User.Login.Should().Be("randers811");
    }

    [Theory]
    [InlineData(":tmi.twitch.tv PING :nonce")]
    [InlineData("PING :tmi.twitch.tv")]
    [InlineData(":tmi.twitch.tv RECONNECT")]
    [InlineData(":tmi.twitch.tv 376 schmoopiie :>")]
    [InlineData(":tmi.twitch.tv HOSTTARGET #schmoopiie :- 0")]
    [InlineData("@badge-info=;badges=;color=#FF0000;display-name=TESTUSER;emote-sets=0;mod=0;subscriber=0;user-type= :tmi.twitch.tv USERSTATE #randers")]
    public void Parse_ConnectionLines_GiveNoEvent(string text) => new TwitchEventParser().Parse(text).Should().BeNull();

    internal static T Parse<T>(string fragment)
        where T : ChatEvent
    {
        var text = TwitchTestData.AllLines.First(l => l.Contains(fragment, StringComparison.Ordinal));
        return new TwitchEventParser().Parse(text).Should().BeOfType<T>().Subject;
    }
}
