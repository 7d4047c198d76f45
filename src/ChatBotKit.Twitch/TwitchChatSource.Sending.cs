using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Twitch.Connection;
using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch;

public sealed partial class TwitchChatSource
{
    /// <summary>Queues the message; the send loop sends it when Twitch's limits allow. Never waits for the network.</summary>
    protected override ValueTask SendCoreAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (IsAnonymous)
        {
            Statistics.CountAnonymousDrop();
            TwitchLog.NotSent(Logger, message.Channel, "the connection is anonymous (read-only); set TwitchOptions.Nick and the token variable");
            return ValueTask.CompletedTask;
        }

        if (!_outbound.Writer.TryWrite(message))
        {
            Statistics.CountStoppedChannelDrop();
            TwitchLog.NotSent(Logger, message.Channel, "the source is closing");
        }

        return ValueTask.CompletedTask;
    }

    // The one loop that paces and writes the bot's messages; it outlives connections, so the queue survives reconnects.
    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outbound.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await SendOneAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private async Task SendOneAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var channel = NormalizeChannel(message.Channel);
        if (message.Kind == MessageKind.Private)
        {
            Statistics.CountStoppedChannelDrop();
            TwitchLog.NotSent(Logger, channel, "whispers cannot be sent over IRC (Twitch needs the Helix API for them)");
            return;
        }

        while (true)
        {
            if (_policy.IsStopped(channel))
            {
                Statistics.CountStoppedChannelDrop();
                TwitchLog.NotSent(Logger, channel, "Twitch said the bot is banned there");
                return;
            }

            var delay = _policy.DelayFor(channel);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            Task<IrcSession> ready;
            lock (_gate)
            {
                ready = _ready.Task;
            }

            var session = await ready.WaitAsync(cancellationToken).ConfigureAwait(false);
            var text = _policy.Prepare(channel, OneLine(message.Text));
            if (text is null)
            {
                TwitchLog.NotSent(Logger, channel, "the same text was sent there less than 30 s ago");
                return;
            }

            var tags = ReplyTags(session, message.ReplyToId);
            if (session.TryWrite($"{tags}PRIVMSG #{channel} :{text}", isChat: true))
            {
                Statistics.CountHanded();
                _policy.Record(channel, text);
                return;
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

    private static string OneLine(string text) =>
        text.AsSpan().IndexOfAny('\r', '\n') < 0 ? text : text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
}
