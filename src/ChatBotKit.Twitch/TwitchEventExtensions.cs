using System.Text.Json;
using ChatBotKit.Events;
using ChatBotKit.Twitch.EventSub;
using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit;

/// <summary>Reads what a Twitch event's raw line or EventSub message carries beyond the event's own fields.</summary>
public static class TwitchEventExtensions
{
    /// <summary>
    /// The unescaped value of tag <paramref name="key"/> (<c>color</c>, <c>emotes</c>,
    /// <c>custom-reward-id</c>, <c>msg-param-*</c>, …) on the Twitch line <paramref name="evt"/> came
    /// from; <see langword="null"/> when the tag is absent or the event did not come from a Twitch line.
    /// </summary>
    public static string? GetTwitchTag(this ChatEvent evt, string key)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(key);
        return evt.RawRepresentation is string line && evt.Platform == ChatPlatform.Twitch ? IrcLine.Parse(line).GetTag(key) : null;
    }

    /// <summary>
    /// The emotes in a Twitch chat message, in UTF-16 positions of its text: from the <c>emotes</c>
    /// tag of an IRC line, or from the fragments of an EventSub message. None for other events.
    /// </summary>
    public static IReadOnlyList<TwitchEmote> GetTwitchEmotes(this ChatEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return (evt, evt.RawRepresentation) switch
        {
            (MessageReceived message, string) => TwitchEmote.Parse(evt.GetTwitchTag("emotes"), message.Text),
            ({ Platform: var platform }, JsonElement root) when platform == ChatPlatform.Twitch => FragmentEmotes.Read(root),
            _ => [],
        };
    }
}
