using ChatBotKit.Sources;
using ChatBotKit.Twitch.Parsing;
using ChatBotKit.Twitch.Sending;

namespace ChatBotKit.Twitch.Connection;

/// <summary>Writes the bot's messages as PRIVMSG to the current IRC session, threading replies with a tag.</summary>
internal sealed class IrcChatWriter(TwitchConnection connection) : ITwitchChatWriter
{
    public async Task<SendResult> WriteAsync(string channel, string text, string? replyToId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var session = await connection.Current.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (session.TryWrite($"{ReplyTags(session, replyToId)}PRIVMSG #{channel} :{text}", isChat: true))
            {
                return SendResult.Sent;
            }

            // The session closed under us: wait for the next one and try again.
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        }
    }

    // Twitch threads a reply with reply-parent-msg-id; a plain IRCv3 server relays it as a client-only (+) tag.
    private static string ReplyTags(IrcSession session, string? parent)
    {
        if (string.IsNullOrEmpty(parent) || !(session.TwitchCapabilities || session.MessageTags))
        {
            return "";
        }

        return $"@{(session.TwitchCapabilities ? "" : "+draft/")}reply-parent-msg-id={TagValue.Escape(parent)} ";
    }
}
