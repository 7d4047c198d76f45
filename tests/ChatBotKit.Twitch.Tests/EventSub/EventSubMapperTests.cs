using System.Text.Json.Nodes;
using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Twitch.EventSub;
using ChatBotKit.Twitch.Parsing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Twitch.Tests.EventSub;

/// <summary>Recorded EventSub frames through the frame parser, the router and the mapper.</summary>
public sealed class EventSubMapperTests
{
    private readonly Channel<ChatEvent> _events = Channel.CreateUnbounded<ChatEvent>();
    private readonly ChatBotKit.Tests.Sources.LogCapture _log = new();

    [Fact]
    public void Route_RecordedChatMessage_IsAMessageWithRolesFromBadges()
    {
        var message = Single<MessageReceived>(EventSubTestData.Notification("eventsub_channel.chat.message_payload.json"));

        message.Text.Should().Be("Hi chat");
        message.Channel.Should().Be("streamer");
        message.Id.Should().Be("cc106a89-1814-919d-454c-f4f2f970aae7");
        message.User.Should().Be(new ChatUser("4145994", "viewer32", "viewer32", ChatRoles.Moderator | ChatRoles.Subscriber));
        message.Platform.Should().Be(ChatPlatform.Twitch);
    }

    [Fact]
    public void Route_RecordedFollowFrame_IsAFollow()
    {
        var follow = Single<UserFollowed>(EventSubTestData.Frame("eventsub_ws_notification_channel.follow.json"));

        follow.User.Should().Be(new ChatUser("1337", "awesome_user", "Awesome_User"));
        follow.Channel.Should().Be("twitch");
    }

    [Fact]
    public void Route_SharedChatCopies_AreDeliveredOnce()
    {
        var first = EventSubTestData.Notification("eventsub_channel.chat.message_payload_shared_chat.json");
        var copy = EventSubTestData.Notification("eventsub_channel.chat.message_payload_shared_chat.json");
        copy["payload"]!["event"]!["broadcaster_user_login"] = "otherroom";

        var router = Router();
        router.Route(Parse(first));
        router.Route(Parse(copy));

        Drain().Should().ContainSingle().Which.Channel.Should().Be("streamer");
    }

    [Fact]
    public void Route_SameMessageIdTwice_IsDeliveredOnce()
    {
        var frame = EventSubTestData.ChatMessage("once", messageId: "same-id");
        var router = Router();

        router.Route(Parse(frame));
        router.Route(Parse(frame));

        Drain().Should().ContainSingle();
    }

    [Fact]
    public void Route_Revocation_IsANoticeAndALogLine()
    {
        var notice = Single<ChannelNotice>(EventSubTestData.Frame("eventsub_ws_revocation.json"), id => id == "12826" ? "twitch" : null);

        notice.NoticeId.Should().Be("eventsub_revoked");
        notice.Channel.Should().Be("twitch");
        notice.Text.Should().Contain("channel.follow").And.Contain("authorization_revoked");
        _log.Entries.Should().ContainSingle(e => e.EventId == 756 && e.Message.Contains("channel.follow", StringComparison.Ordinal));
    }

    [Fact]
    public void Route_UnknownTypeOrVersion_IsSkippedAndLogged()
    {
        var unknownType = EventSubTestData.Notification("eventsub_channel.chat.message_payload.json");
        unknownType["metadata"]!["subscription_type"] = "channel.hype_train.begin";
        var unknownVersion = EventSubTestData.Notification("eventsub_channel.chat.message_payload.json");
        unknownVersion["metadata"]!["subscription_version"] = "beta";

        var router = Router();
        router.Route(Parse(unknownType));
        router.Route(Parse(unknownVersion));

        Drain().Should().BeEmpty();
        _log.Entries.Where(e => e.EventId == 754).Should().HaveCount(2);
    }

    [Fact]
    public void Route_MissingField_IsSkippedWithWhatAndWhere()
    {
        var frame = EventSubTestData.Notification("eventsub_channel.chat.message_payload.json", "no-chatter");
        frame["payload"]!["event"]!.AsObject().Remove("chatter_user_id");

        Router().Route(Parse(frame));

        Drain().Should().BeEmpty();
        _log.Entries.Should().ContainSingle(e => e.EventId == 755 && e.Message.Contains("no-chatter", StringComparison.Ordinal) && e.Message.Contains("channel.chat.message", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"metadata\":", "not JSON")]
    [InlineData("[1,2]", "no metadata")]
    [InlineData("{\"metadata\":{\"message_type\":\"notification\"}}", "no metadata")]
    [InlineData("<html><body>502</body></html>", "not JSON")]
    public void Parse_NotAFrame_SaysWhatIsWrong(string json, string problem)
    {
        EventSubFrame.Parse(json, out var said).Should().BeNull();
        said.Should().Contain(problem);
    }

    [Fact]
    public void Map_Redemption_IsARewardRedeemed()
    {
        var payload = new JsonObject
        {
            ["subscription"] = new JsonObject { ["type"] = "channel.channel_points_custom_reward_redemption.add", ["version"] = "1" },
            ["event"] = new JsonObject
            {
                ["id"] = "17fa2df1-ad76-4804-bfa5-a40ef63efe63",
                ["broadcaster_user_id"] = "1337",
                ["broadcaster_user_login"] = "cool_user",
                ["broadcaster_user_name"] = "Cool_User",
                ["user_id"] = "9001",
                ["user_login"] = "cooler_user",
                ["user_name"] = "Cooler_User",
                ["user_input"] = "pogchamp",
                ["status"] = "unfulfilled",
                ["reward"] = new JsonObject { ["id"] = "92af127c-7326-4483-a52b-b0da0be61c01", ["title"] = "title", ["cost"] = 100, ["prompt"] = "reward prompt" },
                ["redeemed_at"] = "2020-07-15T17:16:03.17106713Z",
            },
        };

        var redeemed = Single<RewardRedeemed>(EventSubTestData.Notification(payload));

        redeemed.Should().BeEquivalentTo(new { RewardTitle = "title", Cost = 100, Text = "pogchamp", Channel = "cool_user", User = new ChatUser("9001", "cooler_user", "Cooler_User") });
    }

    [Theory]
    [InlineData("stream.online", true)]
    [InlineData("stream.offline", false)]
    public void Map_StreamStatus_SaysWhetherLive(string type, bool live)
    {
        var payload = new JsonObject
        {
            ["subscription"] = new JsonObject { ["type"] = type, ["version"] = "1" },
            ["event"] = new JsonObject { ["broadcaster_user_id"] = "1337", ["broadcaster_user_login"] = "cool_user", ["broadcaster_user_name"] = "Cool_User" },
        };

        var status = Single<StreamStatusChanged>(EventSubTestData.Notification(payload));

        status.IsLive.Should().Be(live);
        status.Kind.Should().Be(live ? "stream-online" : "stream-offline");
    }

    [Fact]
    public void GetTwitchEmotes_Fragments_GiveTheSamePlacesAsTheIrcTag()
    {
        // "😀 Kappa hi": the emoji is two UTF-16 units but one code point, so IRC's tag says 2-6.
        const string text = "😀 Kappa hi";
        var frame = EventSubTestData.ChatMessage(text);
        frame["payload"]!["event"]!["message"]!["fragments"] = JsonNode.Parse("""
            [{"type":"text","text":"😀 ","cheermote":null,"emote":null,"mention":null},
             {"type":"emote","text":"Kappa","cheermote":null,"emote":{"id":"25","emote_set_id":"0"},"mention":null},
             {"type":"text","text":" hi","cheermote":null,"emote":null,"mention":null}]
            """);

        var message = Single<MessageReceived>(frame);

        message.GetTwitchEmotes().Should().Equal(TwitchEmote.Parse("25:2-6", text));
        text.Substring(message.GetTwitchEmotes()[0].Start, message.GetTwitchEmotes()[0].Length).Should().Be("Kappa");
    }

    private T Single<T>(JsonObject frame, Func<string, string?>? loginOf = null)
        where T : ChatEvent
    {
        Router(loginOf).Route(Parse(frame));
        return Drain().Should().ContainSingle().Which.Should().BeOfType<T>().Which;
    }

    private static EventSubFrame Parse(JsonObject frame) => EventSubFrame.Parse(frame.ToJsonString(), out _)!;

    private EventSubRouter Router(Func<string, string?>? loginOf = null) =>
        new(_events.Writer, loginOf ?? (_ => null), _log.CreateLogger("test"));

    private List<ChatEvent> Drain()
    {
        var all = new List<ChatEvent>();
        while (_events.Reader.TryRead(out var evt))
        {
            all.Add(evt);
        }

        return all;
    }
}
