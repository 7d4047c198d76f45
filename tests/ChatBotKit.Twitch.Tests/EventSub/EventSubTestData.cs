using System.Text.Json.Nodes;

namespace ChatBotKit.Twitch.Tests.EventSub;

/// <summary>The recorded EventSub and Helix JSON in <c>tests/testdata/twitch/*.json</c>, copied beside the test assembly.</summary>
public static class EventSubTestData
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "testdata", "twitch", file);

    public static IReadOnlyList<string> AllFiles { get; } = [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "testdata", "twitch"), "*.json").Order(StringComparer.Ordinal)];

    /// <summary>A recorded frame, to change before sending.</summary>
    public static JsonObject Frame(string file) => JsonNode.Parse(File.ReadAllText(PathOf(file)))!.AsObject();

    /// <summary>A whole notification frame around a recorded <c>{subscription, event}</c> payload, with a fresh message id.</summary>
    public static JsonObject Notification(string payloadFile, string? messageId = null) => Notification(Frame(payloadFile), messageId);

    public static JsonObject Notification(JsonObject payload, string? messageId = null)
    {
        var subscription = payload["subscription"]!;
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["message_id"] = messageId ?? Guid.NewGuid().ToString(),
                ["message_type"] = "notification",
                ["message_timestamp"] = "2023-11-06T18:11:47.492Z",
                ["subscription_type"] = subscription["type"]!.GetValue<string>(),
                ["subscription_version"] = subscription["version"]!.GetValue<string>(),
            },
            ["payload"] = payload,
        };
    }

    /// <summary>A <c>channel.chat.message</c> notification saying <paramref name="text"/>, with its own ids.</summary>
    public static JsonObject ChatMessage(string text, string? messageId = null, string? chatter = null)
    {
        var payload = Frame("eventsub_channel.chat.message_payload.json");
        if (chatter is not null)
        {
            payload["event"]!["chatter_user_login"] = chatter;
            payload["event"]!["chatter_user_name"] = chatter;
            payload["event"]!["chatter_user_id"] = "9" + chatter.Length;
        }

        payload["event"]!["message"]!["text"] = text;
        payload["event"]!["message"]!["fragments"]![0]!["text"] = text;
        payload["event"]!["message_id"] = Guid.NewGuid().ToString();
        return Notification(payload, messageId);
    }

    /// <summary>A <c>channel.chat.notification</c> of notice type raid into channel twitch, built on the recorded chat message payload.</summary>
    public static JsonObject Raid(string raider, int viewers)
    {
        var payload = Frame("eventsub_channel.chat.message_payload.json");
        payload["subscription"]!["type"] = "channel.chat.notification";
        var evt = payload["event"]!.AsObject();
        evt["broadcaster_user_id"] = "12826";
        evt["broadcaster_user_login"] = "twitch";
        evt["chatter_user_login"] = raider;
        evt["notice_type"] = "raid";
        evt["system_message"] = $"{viewers} raiders from {raider} have joined!";
        evt["raid"] = new JsonObject { ["user_id"] = "777", ["user_login"] = raider, ["user_name"] = raider, ["viewer_count"] = viewers };
        return Notification(payload);
    }
}
