using ChatBotKit.Events;
using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit;

/// <summary>Reads what a Twitch event's raw line carries beyond the event's own fields.</summary>
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
}
