using System.Net;
using System.Text.Json;
using ChatBotKit.Events;

namespace ChatBotKit.CyTube;

/// <summary>
/// Turns Kryten events into ChatBotKit events: chatMsg and pm into <see cref="MessageReceived"/>,
/// changeMedia into <see cref="MediaChanged"/>, addUser into <see cref="UserJoined"/>, userLeave into
/// <see cref="UserLeft"/>. Shadow-muted messages and server messages give nothing; HTML entities are
/// decoded. Accepts CyTube's <c>{username, msg}</c> and kryten-py's <c>{user:{name,rank}, message}</c>.
/// </summary>
internal static class KrytenEventMapper
{
    /// <summary>The event, or <see langword="null"/> when it is ignored or not one ChatBotKit models.</summary>
    /// <param name="envelope">The received event.</param>
    /// <param name="channel">The channel as the bot configured it.</param>
    /// <param name="now">Used when neither payload nor envelope carry a time.</param>
    public static ChatEvent? Map(KrytenEnvelope envelope, string channel, DateTimeOffset now)
    {
        var payload = envelope.Payload;
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var timestamp = Number(payload, "time") is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : envelope.Timestamp ?? now;
        return envelope.EventName.ToLowerInvariant() switch
        {
            "chatmsg" => Message(payload, channel, timestamp, envelope, MessageKind.Public),
            "pm" => Message(payload, channel, timestamp, envelope, MessageKind.Private),
            "changemedia" => Text(payload, "title") is { } title
                ? new MediaChanged
                {
                    Platform = ChatPlatform.CyTube,
                    Channel = channel,
                    Timestamp = timestamp,
                    Id = envelope.CorrelationId,
                    Title = WebUtility.HtmlDecode(title),
                    MediaId = Text(payload, "type") is { } type && Text(payload, "id") is { } id ? $"{type}:{id}" : Text(payload, "id"),
                    Duration = Number(payload, "seconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                    RawRepresentation = envelope,
                }
                : null,
            "adduser" => Text(payload, "name") is { } joined
                ? new UserJoined { Platform = ChatPlatform.CyTube, Channel = channel, Timestamp = timestamp, Id = envelope.CorrelationId, User = User(joined, Number(payload, "rank")), RawRepresentation = envelope }
                : null,
            "userleave" => Text(payload, "name") is { } left
                ? new UserLeft { Platform = ChatPlatform.CyTube, Channel = channel, Timestamp = timestamp, Id = envelope.CorrelationId, User = User(left, null), RawRepresentation = envelope }
                : null,
            _ => null,
        };
    }

    /// <summary>CyTube ranks: 2 moderator, 3 channel admin, 4 and up owner (treated as broadcaster).</summary>
    public static ChatRoles Roles(double? rank) => rank switch
    {
        >= 4 => ChatRoles.Broadcaster | ChatRoles.Moderator,
        >= 2 => ChatRoles.Moderator,
        _ => ChatRoles.None,
    };

    private static MessageReceived? Message(JsonElement payload, string channel, DateTimeOffset timestamp, KrytenEnvelope envelope, MessageKind kind)
    {
        var nested = payload.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object ? user : (JsonElement?)null;
        var name = Text(payload, "username") ?? (nested is { } n ? Text(n, "name") : null);
        var text = Text(payload, "msg") ?? Text(payload, "message");
        if (name is null || text is null || name == "[server]" || IsShadow(payload))
        {
            return null;
        }

        if (kind == MessageKind.Public && payload.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object && Text(meta, "addClass") == "action")
        {
            kind = MessageKind.Action;
        }

        return new MessageReceived
        {
            Platform = ChatPlatform.CyTube,
            Channel = channel,
            Timestamp = timestamp,
            Id = envelope.CorrelationId,
            User = User(name, Number(payload, "rank") ?? (nested is { } r ? Number(r, "rank") : null)),
            Text = WebUtility.HtmlDecode(text),
            MessageKind = kind,
            RawRepresentation = envelope,
        };
    }

    private static bool IsShadow(JsonElement payload) =>
        payload.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
        && meta.TryGetProperty("shadow", out var shadow) && shadow.ValueKind == JsonValueKind.True;

    private static ChatUser User(string name, double? rank) => ChatUser.Named(name, Roles(rank));

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
