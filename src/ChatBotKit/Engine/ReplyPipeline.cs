using ChatBotKit.Context;
using ChatBotKit.Policies;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Engine;

/// <summary>
/// A channel's replies after their trigger fired: respond (<see cref="ReplyWriter"/>), then filter
/// and send (<see cref="ReplySender"/>; an LLM reply as it streams, <see cref="StreamedReplySender"/>). Each reply runs off the channel's loop, so a handler or LLM
/// client that blocks (even an endless loop in a script), or a wait for an LLM slot, costs only its
/// own reply. A reply that never reached the chat gives its rate-limit slots back.
/// </summary>
internal sealed class ReplyPipeline(ChannelServices services, ReplyWriter writer, ReplySender sender, StreamedReplySender streamer)
{
    private int _inFlight;

    /// <summary>Replies started and not yet finished.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Starts the reply for <paramref name="fired"/> on the thread pool.</summary>
    public void Start(in WorkItem item, ActiveDefinition active, FiredTrigger fired, ContextEntry[] history)
    {
        services.Work.Add();
        Interlocked.Increment(ref _inFlight);
        var reply = new PendingReply(item, active, fired, history);
        ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Pipeline.RunAsync(state.Reply), (Pipeline: this, Reply: reply), preferLocal: false);
    }

    private async Task RunAsync(PendingReply reply)
    {
        var (item, _, fired, _) = reply;
        // A reply that must be confirmed is counted against the limits only once confirmed.
        var recorded = fired.Trigger.Responder.Confirm is null;
        var sent = 0;
        try
        {
            if (await writer.WriteAsync(reply).ConfigureAwait(false) is not { } text)
            {
                return;
            }

            recorded = true;
            if (text.Stream is null && SpokenHandlerReply(reply, text) is { } spoken)
            {
                text = text with { Stream = spoken };
            }

            if (text.Stream is { } stream)
            {
                await using (stream.ConfigureAwait(false))
                {
                    var streamed = await streamer.SendAsync(reply, stream).ConfigureAwait(false);
                    sent = streamed.Delivered;
                    if (streamed.Fallback is not { } fallback)
                    {
                        return;
                    }

                    text = fallback;
                }
            }

            if (string.IsNullOrWhiteSpace(text.Text))
            {
                services.Decisions.Report(item, text.Failure ?? DecisionOutcome.NoReply, fired.Trigger, text.Reason);
                return;
            }

            sent = await sender.SendAsync(reply, text).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (services.Shutdown.IsCancellationRequested)
        {
            // Shutdown cut the reply short.
        }
        catch (Exception ex)
        {
            EngineLog.Unexpected(services.Logger, ex, item.CorrelationId, item.Event.Platform, item.Event.Channel);
        }
        finally
        {
            if (recorded && sent == 0)
            {
                // Nothing reached the chat: the viewer's and the channel's slots are given back.
                services.RateLimiter.Release(fired.Request, item.Now);
            }

            Interlocked.Decrement(ref _inFlight);
            services.Work.Done();
        }
    }

    // A handler's reply that is to be heard takes the LLM reply's way: phrases, emotion tags, the speaker.
    private LlmReplyStream? SpokenHandlerReply(PendingReply reply, ReplyText text)
    {
        var definition = reply.Active.Definition;
        if (!reply.Fired.Trigger.Responder.SpeaksHandlerReply || definition.Speaker is null || string.IsNullOrWhiteSpace(text.Text))
        {
            return null;
        }

        var deadline = new Deadline(definition.HandlerTimeout, services.Clock, services.Shutdown);
        return new LlmReplyStream(new FixedReplyClient(text.Text), [], new ChatOptions(), deadline, slot: null);
    }
}
