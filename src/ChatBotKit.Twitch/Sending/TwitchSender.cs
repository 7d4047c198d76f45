using ChatBotKit.Sources;
using ChatBotKit.Twitch.Connection;
using ChatBotKit.Twitch.Parsing;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.Sending;

/// <summary>
/// The bot's outgoing messages: a queue, and the one loop that paces and writes them to the current
/// connection. It outlives connections, so the queue survives reconnects. It takes the oldest
/// message whose channel may send now, so a channel that must wait does not hold up the others,
/// while the account's window is shared by all of them.
/// </summary>
internal sealed class TwitchSender(TwitchSendLimits limits, TwitchSendPolicy policy, TwitchSendStatistics statistics, TwitchConnection connection, TimeProvider time, ILogger logger)
{
    private readonly TwitchOutbox _outbox = new(limits.QueueCapacity);
    private Task _loop = Task.CompletedTask;

    /// <summary>Queues <paramref name="message"/> for <paramref name="channel"/>; when the queue is full the oldest is dropped.</summary>
    public SendResult Queue(string channel, OutgoingMessage message)
    {
        if (!_outbox.TryAdd(channel, message, out var dropped))
        {
            statistics.CountStoppedChannelDrop();
            TwitchLog.NotSent(logger, channel, "the source is closing");
            return SendResult.Dropped("the source is closing");
        }

        if (dropped is not null)
        {
            statistics.CountQueueDrop();
            TwitchLog.OutboundDropped(logger, dropped.Channel);
        }

        return SendResult.Queued;
    }

    /// <summary>Starts the send loop unless it runs.</summary>
    public void Start(CancellationToken cancellationToken)
    {
        if (_loop.IsCompleted)
        {
            _loop = SendLoopAsync(cancellationToken);
        }
    }

    /// <summary>Takes no more messages; the loop ends once the queue is empty (or on cancellation).</summary>
    public void Complete() => _outbox.Complete();

    /// <summary>Completes when the send loop has ended.</summary>
    public Task StoppedAsync() => _loop;

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
    private TimeSpan SendDelay(string channel) => policy.IsStopped(channel) ? TimeSpan.Zero : policy.DelayFor(channel);

    // Until a message arrives or the shortest channel delay has passed.
    private async Task WaitForChangeAsync(Task changed, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait == Timeout.InfiniteTimeSpan)
        {
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(changed, Task.Delay(wait, time, timer.Token)).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task SendOneAsync(string channel, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (policy.IsStopped(channel))
        {
            statistics.CountStoppedChannelDrop();
            TwitchLog.NotSent(logger, channel, "Twitch said the bot is banned there");
            return;
        }

        while (true)
        {
            var session = await connection.Current.WaitAsync(cancellationToken).ConfigureAwait(false);
            var text = policy.Prepare(channel, OneLine(message.Text));
            if (text is null)
            {
                TwitchLog.NotSent(logger, channel, "the same text was sent there less than 30 s ago");
                return;
            }

            if (session.TryWrite($"{ReplyTags(session, message.ReplyToId)}PRIVMSG #{channel} :{text}", isChat: true))
            {
                statistics.CountHanded();
                policy.Record(channel, text);
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
