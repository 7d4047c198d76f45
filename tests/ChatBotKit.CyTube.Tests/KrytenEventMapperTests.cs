using System.Text;
using ChatBotKit.CyTube;
using ChatBotKit.Events;

namespace ChatBotKit.CyTube.Tests;

public sealed class KrytenEventMapperTests
{
    private static readonly DateTimeOffset PayloadTime = DateTimeOffset.FromUnixTimeMilliseconds(1234567890000);

    internal static string Payload(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "kryten", $"kryten-py_test_payload_{name}.json"));

    // Wraps a payload the way Kryten-Robot publishes it (RawEvent.to_bytes()).
    internal static string Envelope(string eventName, string payload, string channel = "420Grindhouse") =>
        $$"""{"event_name":"{{eventName}}","payload":{{payload}},"channel":"{{channel}}","domain":"cytu.be","timestamp":"2026-11-21T19:00:00.123456+00:00","correlation_id":"c0ffee"}""";

    private static ChatEvent? Map(string eventName, string payload) =>
        KrytenEventMapper.Map(KrytenEnvelope.Parse(Encoding.UTF8.GetBytes(Envelope(eventName, payload)), "kryten.events.cytube.420grindhouse." + eventName.ToLowerInvariant()), "420Grindhouse", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Map_ChatMsgFlat_MessageWithUserTextTimeAndCorrelation()
    {
        var message = Map("chatMsg", Payload("chatmsg_flat")).Should().BeOfType<MessageReceived>().Subject;

        message.User.Login.Should().Be("bob");
        message.User.Roles.Should().Be(ChatRoles.None);
        message.Text.Should().Be("Hi there!");
        message.MessageKind.Should().Be(MessageKind.Public);
        message.Timestamp.Should().Be(PayloadTime);
        message.Platform.Should().Be(ChatPlatform.CyTube);
        message.Channel.Should().Be("420Grindhouse");
        message.Id.Should().Be("c0ffee");
    }

    [Fact]
    public void Map_ChatMsgNestedUser_ReadsNameAndModeratorRank()
    {
        var message = Map("chatMsg", Payload("chatmsg_nested_user")).Should().BeOfType<MessageReceived>().Subject;

        message.User.Login.Should().Be("alice");
        message.User.Roles.Should().Be(ChatRoles.Moderator);
        message.Text.Should().Be("Hello!");
        message.Timestamp.Should().Be(PayloadTime);
    }

    [Theory]
    [InlineData("chatMsg", "chatmsg_shadow")]
    [InlineData("pm", "pm_shadow")]
    public void Map_ShadowMuted_IsIgnored(string eventName, string file) => Map(eventName, Payload(file)).Should().BeNull();

    [Fact]
    public void Map_Pm_PrivateMessageFromSender()
    {
        var message = Map("pm", Payload("pm")).Should().BeOfType<MessageReceived>().Subject;

        message.MessageKind.Should().Be(MessageKind.Private);
        message.Kind.Should().Be("private-message");
        message.User.Login.Should().Be("charlie");
        message.User.Roles.Should().Be(ChatRoles.Moderator);
        message.Text.Should().Be("Secret!");
    }

    [Fact]
    public void Map_ChangeMedia_TitleTypedIdAndDuration()
    {
        var media = Map("changeMedia", Payload("changeMedia")).Should().BeOfType<MediaChanged>().Subject;

        media.Title.Should().Be("Test Video");
        media.MediaId.Should().Be("yt:dQw4w9WgXcQ");
        media.Duration.Should().Be(TimeSpan.FromSeconds(212));
        media.Timestamp.Should().Be(PayloadTime);
    }

    [Fact]
    public void Map_AddUser_UserJoinedWithRank()
    {
        var joined = Map("addUser", Payload("addUser")).Should().BeOfType<UserJoined>().Subject;

        joined.User.Login.Should().Be("david");
        joined.User.Roles.Should().Be(ChatRoles.None);
        joined.Timestamp.Should().Be(PayloadTime);
    }

    [Fact]
    public void Map_UserLeave_UserLeft()
    {
        var left = Map("userLeave", Payload("userLeave")).Should().BeOfType<UserLeft>().Subject;

        left.User.Login.Should().Be("eve");
        left.Timestamp.Should().Be(PayloadTime);
    }

    [Fact]
    public void Map_HtmlEntitiesAndActionClass_DecodedAndAction()
    {
        var message = Map("chatMsg", """{"username":"Zed","msg":"fish &amp; chips &lt;3 &#39;yum&#39;","meta":{"addClass":"action"},"time":1}""")
            .Should().BeOfType<MessageReceived>().Subject;

        message.Text.Should().Be("fish & chips <3 'yum'");
        message.MessageKind.Should().Be(MessageKind.Action);
        message.User.DisplayName.Should().Be("Zed");
        message.User.Login.Should().Be("zed");
    }

    [Fact]
    public void Map_ServerMessageAndUnknownEvent_AreIgnored()
    {
        Map("chatMsg", """{"username":"[server]","msg":"x","time":1}""").Should().BeNull();
        Map("mediaUpdate", """{"currentTime":3}""").Should().BeNull();
    }

    [Fact]
    public void Parse_BarePayloadWithoutEnvelope_TakesEventNameFromSubject()
    {
        var envelope = KrytenEnvelope.Parse(Encoding.UTF8.GetBytes(Payload("chatmsg_flat")), "cytube.events.lounge.chatMsg");

        envelope.EventName.Should().Be("chatMsg");
        KrytenEventMapper.Map(envelope, "lounge", DateTimeOffset.UnixEpoch).Should().BeOfType<MessageReceived>()
            .Which.Text.Should().Be("Hi there!");
    }

    [Theory]
    [InlineData(4, ChatRoles.Broadcaster | ChatRoles.Moderator)]
    [InlineData(3, ChatRoles.Moderator)]
    [InlineData(1.5, ChatRoles.None)]
    [InlineData(0, ChatRoles.None)]
    public void Roles_CyTubeRank_MapsToRoles(double rank, ChatRoles expected) => KrytenEventMapper.Roles(rank).Should().Be(expected);
}
