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
        var channel = NormalizeChannel(message.Channel);
        if (IsAnonymous)
        {
            Statistics.CountAnonymousDrop();
            TwitchLog.NotSent(Logger, channel, "the connection is anonymous (read-only); set TwitchOptions.Nick and the token variable");
        }
        else if (message.Kind == MessageKind.Private)
        {
            Statistics.CountStoppedChannelDrop();
            TwitchLog.NotSent(Logger, channel, "whispers cannot be sent over IRC (Twitch needs the Helix API for them)");
        }
        else if (!_outbox.TryAdd(channel, message, out var dropped))
        {
            Statistics.CountStoppedChannelDrop();
            TwitchLog.NotSent(Logger, channel, "the source is closing");
        }
        else if (dropped is not null)
        {
            Statistics.CountQueueDrop();
            TwitchLog.OutboundDropped(Logger, dropped.Channel);
        }

        return ValueTask.CompletedTask;
    }

    // The one loop that paces and writes the bot's messages; it outlives connections, so the queue
    // survives reconnects. It takes the oldest message whose channel may send now, so a channel that
    // must wait does not hold up the others, while the account's window is shared by all of them.
    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var changed = _outbox.Changed;
                if (_outbox.TryTake(SendDelay, out var waiting, out var wait))
                {
                    await SendOneAsync(waiting!.Channel, waiting.Message, cancellationToken).ConfigureAwait(false);
                }
                else if (_outbox.IsDone)
                {
                    return;
                }
                else
                {
                    await WaitForChangeAsync(changed, wait, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    // A stopped channel's messages are taken at once, to be dropped and counted.
    private TimeSpan SendDelay(string channel) => _policy.IsStopped(channel) ? TimeSpan.Zero : _policy.DelayFor(channel);

    // Until a message arrives or the shortest channel delay has passed.
    private async Task WaitForChangeAsync(Task changed, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait == Timeout.InfiniteTimeSpan)
        {
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(changed, Task.Delay(wait, _time, timer.Token)).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task SendOneAsync(string channel, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (_policy.IsStopped(channel))
        {
            Statistics.CountStoppedChannelDrop();
            TwitchLog.NotSent(Logger, channel, "Twitch said the bot is banned there");
            return;
        }

        while (true)
        {
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
