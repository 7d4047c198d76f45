using System.Text;
using System.Text.RegularExpressions;
using ChatBotKit.Events;

namespace ChatBotKit.Hosting.Interactions;

/// <summary>One reply whose window is still open: collects the signals of the chat events that follow it in its channel.</summary>
internal sealed class EngagementWatch(InteractionRecord reply, string botName, DateTimeOffset closes)
{
    private static readonly HashSet<string> ReactionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "lol", "lmao", "rofl", "haha", "hahaha", "xd", "lul", "kekw", "omegalul", "pog", "pogchamp", "poggers", "kappa", "pepega", "gg", "w", "+1", "<3",
    };

    private bool _viewerAnswered;
    private int _othersAnswered;
    private bool _botMentioned;
    private int _reactions;
    private bool _deleted;

    public DateTimeOffset Closes { get; } = closes;

    public string Platform => reply.Platform;

    public string Channel => reply.Channel;

    /// <summary>Takes in one event of the reply's channel.</summary>
    public void See(ChatEvent chatEvent)
    {
        switch (chatEvent)
        {
            case MessageReceived message when string.Equals(message.User.Login, botName, StringComparison.OrdinalIgnoreCase):
                break;
            case MessageReceived message:
                var viewer = reply.Event.User;
                if (viewer is not null && string.Equals(message.User.DisplayName, viewer, StringComparison.OrdinalIgnoreCase))
                {
                    _viewerAnswered = true;
                }
                else if (viewer is not null && Names(message.Text, viewer))
                {
                    _othersAnswered++;
                }

                _botMentioned |= Names(message.Text, botName);
                _reactions += IsReaction(message.Text) ? 1 : 0;
                break;
            case MessageDeleted deleted when deleted.User is { } author && string.Equals(author.Login, botName, StringComparison.OrdinalIgnoreCase):
                _deleted = true;
                break;
        }
    }

    /// <summary>The log line, with the signals seen.</summary>
    public InteractionRecord Close() => reply with { Engagement = new Engagement(_viewerAnswered, _othersAnswered, _botMentioned, _reactions, _deleted) };

    /// <summary>Whether <paramref name="text"/> is nothing but emotes, emoji and laughter.</summary>
    internal static bool IsReaction(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length > 0 && words.All(w => ReactionWords.Contains(w) || w.EnumerateRunes().All(r => Rune.GetUnicodeCategory(r) is System.Globalization.UnicodeCategory.OtherSymbol or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.Format));
    }

    private static bool Names(string text, string name) =>
        Regex.IsMatch(text, $@"(?<![\w]){Regex.Escape(name)}(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}
