using ChatBotKit.Sources;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.Sending;

/// <summary>
/// The bot's outgoing messages: a queue, and the one loop that paces them and hands them to the
/// writer (IRC's current connection or Helix, through <see cref="ITwitchChatWriter"/>). It outlives
/// connections, so the queue survives reconnects. It takes the oldest message whose channel may
/// send now, so a channel that must wait does not hold up the others, while the account's window is
/// shared by all of them.
/// </summary>
internal sealed class TwitchSender(TwitchSendLimits limits, TwitchSendPolicy policy, TwitchSendStatistics statistics, ITwitchChatWriter writer, TimeProvider time, ILogger logger)
{
    private readonly TwitchOutbox _outbox = new(limits.QueueCapacity);
    private Task _loop = Task.CompletedTask;

    /// <summary>Queues <paramref name="message"/> for <paramref name="channel"/>; when the queue is full the oldest is dropped.</summary>
    public SendResult Queue(string channel, OutgoingMessage message) => Enqueue(channel, message, out _);

    /// <summary>Queues <paramref name="message"/> and completes with what became of it once it was sent or dropped.</summary>
    public Task<SendResult> SendAsync(string channel, OutgoingMessage message)
    {
        var queued = Enqueue(channel, message, out var outcome);
        return outcome ?? Task.FromResult(queued);
    }

    private SendResult Enqueue(string channel, OutgoingMessage message, out Task<SendResult>? outcome)
    {
        outcome = null;
        if (!_outbox.TryAdd(channel, message, out var dropped, out var added))
        {
            statistics.CountStoppedChannelDrop();
            TwitchLog.NotSent(logger, channel, "the source is closing");
            return SendResult.Dropped("the source is closing");
        }

        if (dropped is not null)
        {
            statistics.CountQueueDrop();
            TwitchLog.OutboundDropped(logger, dropped.Channel);
            dropped.Outcome.TrySetResult(SendResult.Dropped("the send queue was full"));
        }

        outcome = added!.Outcome.Task;
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
                    await SendOneAsync(waiting!, cancellationToken).ConfigureAwait(false);
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
            // Disposed: whoever waits for a message still queued learns it was not sent.
            while (_outbox.TryTake(_ => TimeSpan.Zero, out var left, out _))
            {
                left!.Outcome.TrySetResult(SendResult.Dropped("the source closed"));
            }
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

    private async Task SendOneAsync(TwitchOutbox.Waiting waiting, CancellationToken cancellationToken)
    {
        var (channel, message) = (waiting.Channel, waiting.Message);
        if (policy.IsStopped(channel))
        {
            statistics.CountStoppedChannelDrop();
            TwitchLog.NotSent(logger, channel, "Twitch said the bot is banned there");
            waiting.Outcome.TrySetResult(SendResult.Dropped("Twitch said the bot is banned there"));
            return;
        }

        var text = policy.Prepare(channel, OneLine(message.Text));
        if (text is null)
        {
            TwitchLog.NotSent(logger, channel, "the same text was sent there less than 30 s ago");
            waiting.Outcome.TrySetResult(SendResult.Dropped("the same text was sent there less than 30 s ago"));
            return;
        }

        SendResult result;
        try
        {
            result = await writer.WriteAsync(channel, text, message.ReplyToId, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            waiting.Outcome.TrySetResult(SendResult.Dropped("the source closed"));
            throw;
        }
        if (result.Status == SendStatus.Sent)
        {
            statistics.CountHanded();
            policy.Record(channel, text);
        }
        else
        {
            statistics.CountRejected();
            TwitchLog.NotSent(logger, channel, result.Reason ?? "not sent");
        }

        waiting.Outcome.TrySetResult(result);
    }

    private static string OneLine(string text) =>
        text.AsSpan().IndexOfAny('\r', '\n') < 0 ? text : text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
}
