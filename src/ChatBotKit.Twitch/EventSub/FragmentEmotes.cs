using System.Text.Json;
using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.EventSub;

/// <summary>
/// The emotes of an EventSub chat message, from its <c>message.fragments</c>: each emote fragment's
/// place is the length of the fragments before it (checked against the text). Twitch's IRC counts emote positions in code points;
/// the fragments need no counting, and the result is the same <see cref="TwitchEmote"/> (UTF-16
/// positions in <c>message.text</c>) either way.
/// </summary>
internal static class FragmentEmotes
{
    public static IReadOnlyList<TwitchEmote> Read(JsonElement root)
    {
        var message = root.Object("payload").Object("event").Object("message");
        var text = message.String("text") ?? "";
        var emotes = new List<TwitchEmote>();
        var position = 0;
        foreach (var fragment in message.Array("fragments").Items())
        {
            var fragmentText = fragment.String("text") ?? "";
            if (fragment.String("type") == "emote" && fragment.Object("emote").String("id") is { Length: > 0 } id
                && fragmentText.Length > 0 && position <= text.Length && text.AsSpan(position).StartsWith(fragmentText, StringComparison.Ordinal))
            {
                emotes.Add(new TwitchEmote(id, position, fragmentText.Length));
            }

            position += fragmentText.Length;
        }

        return emotes;
    }
}
