using System.Text.Json;
using ChatBotKit.Events;

namespace ChatBotKit.Twitch.EventSub;

/// <summary>What every event made from one notification shares: its channel, time and raw frame.</summary>
internal readonly record struct EventHeader(string Channel, DateTimeOffset Timestamp, JsonElement Root)
{
    /// <summary><paramref name="evt"/> with the notification's time and raw frame.</summary>
    public T Fill<T>(T evt)
        where T : ChatEvent => evt with { Timestamp = Timestamp, RawRepresentation = Root };
}
