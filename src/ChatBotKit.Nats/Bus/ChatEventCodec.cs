using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBotKit.Events;
using ChatBotKit.Sources;

namespace ChatBotKit.Nats.Bus;

/// <summary>
/// JSON for events and replies on the bus. Carries messages, joins, leaves and media changes; other
/// events are not forwarded (<see cref="Encode"/> returns <see langword="null"/>).
/// </summary>
internal static class ChatEventCodec
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[]? Encode(ChatEvent chatEvent)
    {
        var wire = chatEvent switch
        {
            MessageReceived m => new WireEvent("message", m.Platform.Value, m.Channel, m.Timestamp, m.Id, Wire(m.User), m.Text, m.MessageKind, m.ReplyToId, null, null, null),
            UserJoined j => new WireEvent("join", j.Platform.Value, j.Channel, j.Timestamp, j.Id, Wire(j.User), null, null, null, null, null, null),
            UserLeft l => new WireEvent("part", l.Platform.Value, l.Channel, l.Timestamp, l.Id, Wire(l.User), null, null, null, null, null, null),
            MediaChanged c => new WireEvent("media", c.Platform.Value, c.Channel, c.Timestamp, c.Id, null, null, null, null, c.Title, c.MediaId, c.Duration),
            _ => null,
        };
        return wire is null ? null : JsonSerializer.SerializeToUtf8Bytes(wire, JsonOptions);
    }

    /// <exception cref="JsonException">Not an event this codec wrote.</exception>
    public static ChatEvent? Decode(ReadOnlySpan<byte> json)
    {
        var wire = JsonSerializer.Deserialize<WireEvent>(json, JsonOptions) ?? throw new JsonException("null event");
        var platform = new ChatPlatform(wire.Platform);
        var user = wire.User is { } u ? new ChatUser(u.Id, u.Login, u.DisplayName, u.Roles) : null;
        return wire.Type switch
        {
            "message" when user is not null && wire.Text is not null => new MessageReceived { Platform = platform, Channel = wire.Channel, Timestamp = wire.Timestamp, Id = wire.Id, User = user, Text = wire.Text, MessageKind = wire.Kind ?? MessageKind.Public, ReplyToId = wire.ReplyToId },
            "join" when user is not null => new UserJoined { Platform = platform, Channel = wire.Channel, Timestamp = wire.Timestamp, Id = wire.Id, User = user },
            "part" when user is not null => new UserLeft { Platform = platform, Channel = wire.Channel, Timestamp = wire.Timestamp, Id = wire.Id, User = user },
            "media" when wire.Title is not null => new MediaChanged { Platform = platform, Channel = wire.Channel, Timestamp = wire.Timestamp, Id = wire.Id, Title = wire.Title, MediaId = wire.MediaId, Duration = wire.Duration },
            _ => null,
        };
    }

    public static byte[] EncodeReply(OutgoingMessage message) => JsonSerializer.SerializeToUtf8Bytes(
        new WireReply(message.Channel, message.Text, message.Kind, message.Recipient is { } r ? Wire(r) : null, message.ReplyToId, message.Trigger, message.CorrelationId.Value),
        JsonOptions);

    /// <exception cref="JsonException">Not a reply this codec wrote.</exception>
    public static OutgoingMessage DecodeReply(ReadOnlySpan<byte> json, ChatPlatform platform)
    {
        var wire = JsonSerializer.Deserialize<WireReply>(json, JsonOptions) ?? throw new JsonException("null reply");
        return new OutgoingMessage
        {
            Platform = platform,
            Channel = wire.Channel,
            Text = wire.Text,
            Kind = wire.Kind,
            Recipient = wire.Recipient is { } r ? new ChatUser(r.Id, r.Login, r.DisplayName, r.Roles) : null,
            ReplyToId = wire.ReplyToId,
            Trigger = wire.Trigger,
            CorrelationId = new CorrelationId(wire.CorrelationId),
        };
    }

    private static WireUser Wire(ChatUser user) => new(user.Id, user.Login, user.DisplayName, user.Roles);

    private sealed record WireUser(string Id, string Login, string DisplayName, ChatRoles Roles);

    private sealed record WireEvent(
        string Type, string Platform, string Channel, DateTimeOffset Timestamp, string? Id, WireUser? User,
        string? Text, MessageKind? Kind, string? ReplyToId, string? Title, string? MediaId, TimeSpan? Duration);

    private sealed record WireReply(string Channel, string Text, MessageKind Kind, WireUser? Recipient, string? ReplyToId, string? Trigger, ulong CorrelationId);
}
