using ChatBotKit.Events;

namespace ChatBotKit.AI.Tests.Fakes;

/// <summary>Short constructors for events in tests.</summary>
public static class Events
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 20, 0, 0, TimeSpan.Zero);

    public static MessageReceived Message(string user, string text, string channel = "c", ChatRoles roles = ChatRoles.None, string? id = null, MessageKind kind = MessageKind.Public) =>
        new()
        {
            Platform = ChatPlatform.Twitch,
            Channel = channel,
            User = ChatUser.Named(user, roles),
            Text = text,
            Id = id,
            MessageKind = kind,
            Timestamp = Start,
        };

    public static MediaChanged Media(string title, string channel = "c") =>
        new() { Platform = ChatPlatform.Twitch, Channel = channel, Title = title, Timestamp = Start };
}
