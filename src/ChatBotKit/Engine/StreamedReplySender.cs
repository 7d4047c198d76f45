using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Filters;
using ChatBotKit.Speech;
using ChatBotKit.Streaming;

namespace ChatBotKit.Engine;

/// <summary>
/// The filter-and-send stage of an LLM reply that streams. Phrases are cut from the tokens as they
/// arrive and feed two outputs at once: the chat, where they are packed into platform-sized
/// messages that are filtered and sent as each is complete, and the bot's speaker, if it has one.
/// The chat takes the channel's send turn when its first message is complete and keeps it until
/// its last went out. Reports the decision, except when the call failed before a phrase was
/// complete: then the plain fallback applies.
/// </summary>
internal sealed class StreamedReplySender(ChannelServices services, ReplySender sender)
{
    /// <summary>Sends the reply on <paramref name="stream"/> as it arrives.</summary>
    public async Task<StreamedReply> SendAsync(PendingReply reply, LlmReplyStream stream)
    {
        var (item, active, fired, _) = reply;
        var definition = active.Definition;
        var speaker = item.Event is MessageReceived { MessageKind: MessageKind.Private } ? null : definition.Speaker;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(services.Shutdown);
        var drafts = Channel.CreateUnbounded<ChatDraft>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var voice = speaker is null ? null : Channel.CreateUnbounded<ReplyPhrase>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var chat = SendDraftsAsync(reply, drafts.Reader, remember: speaker is null, stop);
        var speech = speaker is null ? Task.FromResult<SpokenReply?>(null) : SpeakAsync(reply, speaker, voice!.Reader, stop.Token);
        StreamRead read;
        ChatSent sent;
        try
        {
            read = await ReadAsync(reply, stream, drafts.Writer, voice?.Writer, chat, stop.Token).ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
            sent = await chat.ConfigureAwait(false);
        }
        finally
        {
            // Shutdown may end the reading early; the chat and the speaker are awaited all the same.
            await Task.WhenAny(chat).ConfigureAwait(false);
            _ = chat.Exception;
            await speech.ConfigureAwait(false);
        }

        var heard = (await speech.ConfigureAwait(false))?.HeardText;
        if (!string.IsNullOrWhiteSpace(heard))
        {
            sender.Remember(reply, heard);
        }
        else if (speaker is not null)
        {
            // Nothing was heard (the speaker failed or was cut off at once): the chat's text stands.
            sent.Texts.ForEach(text => sender.Remember(reply, text));
        }

        var delivered = sent.Texts.Count + (string.IsNullOrWhiteSpace(heard) ? 0 : 1);
        if (sent.Reported)
        {
            return new(delivered, null);
        }

        if (delivered == 0 && read.Failure is { } failure && read.Phrases == 0)
        {
            return new(0, ReplyText.Fallback(definition, failure));
        }

        var reason = read.Failure is null ? null : ReplyText.Fallback(definition, read.Failure).Reason;
        services.Decisions.Report(item, delivered > 0 ? DecisionOutcome.Replied : DecisionOutcome.NoReply, fired.Trigger, reason, sent: sent.Texts.Count);
        return new(delivered, null);
    }

    private static int MaxMessages(ChatBotDefinition definition) =>
        definition.FilterSettings.LongReplies == LongReplyMode.Split ? definition.FilterSettings.MaxParts : 1;

    private async Task<StreamRead> ReadAsync(PendingReply reply, LlmReplyStream stream, ChannelWriter<ChatDraft> drafts, ChannelWriter<ReplyPhrase>? voice, Task chat, CancellationToken cancellationToken)
    {
        var definition = reply.Active.Definition;
        var options = definition.ReplyStreaming.TimeProvider is null ? definition.ReplyStreaming with { TimeProvider = services.Clock } : definition.ReplyStreaming;
        var assembler = new ReplyPhraseAssembler(options, definition.EmotionTags);
        var cutter = new ChatMessageCutter(reply.Item.Source.Limits.MaxMessageLength, MaxMessages(definition));
        var timing = new ReplyStreamTiming(services.Clock, services.Metrics);
        var phrases = 0;
        try
        {
            await foreach (var step in PhraseBuffer.StepsAsync(timing.TimeAsync(stream.ReadTokensAsync(cancellationToken), cancellationToken), assembler, options, cancellationToken).ConfigureAwait(false))
            {
                ChatDraft? draft;
                if (step is { } phrase)
                {
                    phrases++;
                    timing.PhraseReady();
                    voice?.TryWrite(phrase);
                    draft = cutter.Add(phrase.Text);
                }
                else
                {
                    draft = cutter.CloseIfFull(assembler.PendingLength);
                }

                if (draft is { } complete)
                {
                    drafts.TryWrite(complete);
                }

                if (voice is null && (cutter.IsDone || chat.IsCompleted))
                {
                    // The chat has all it takes, and nobody listens: the rest of the reply is not needed.
                    break;
                }
            }

            return new(phrases, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !services.Shutdown.IsCancellationRequested)
        {
            // The chat's filters rejected the reply.
            return new(phrases, null);
        }
        catch (Exception ex) when (!services.Shutdown.IsCancellationRequested)
        {
            LogFailure(reply, ex, stream.Limit);
            return new(phrases, ex);
        }
        finally
        {
            timing.Ended();

            // Complete phrases are kept even when the stream failed; an unfinished one is not.
            if (cutter.Flush() is { } last)
            {
                drafts.TryWrite(last);
            }

            drafts.TryComplete();
            voice?.TryComplete();
        }
    }

    private async Task<ChatSent> SendDraftsAsync(PendingReply reply, ChannelReader<ChatDraft> drafts, bool remember, CancellationTokenSource stop)
    {
        var (item, active, fired, _) = reply;
        var maxMessages = MaxMessages(active.Definition);
        var sent = new List<string>();
        var turn = false;
        try
        {
            await foreach (var draft in drafts.ReadAllAsync(services.Shutdown).ConfigureAwait(false))
            {
                if (!turn)
                {
                    await sender.EnterTurnAsync().ConfigureAwait(false);
                    turn = true;
                }

                var filtered = ReplyFilters.ApplyStreamed(reply, draft, first: sent.Count == 0, sender.History(), services.Logger);
                if (filtered.IsRejected)
                {
                    services.Metrics.FilterRejected(filtered);
                    services.Decisions.Report(item, DecisionOutcome.Filtered, fired.Trigger, filtered.Reason, filtered.RejectedBy, sent: sent.Count);
                    await stop.CancelAsync().ConfigureAwait(false);
                    return new(sent, Reported: true);
                }

                var parts = filtered.Messages.Take(maxMessages - sent.Count).ToList();
                var count = await sender.SendPartsAsync(reply, parts, sent.Count, remember).ConfigureAwait(false);
                sent.AddRange(parts.Take(count));
                if (count < parts.Count)
                {
                    return new(sent, Reported: true);
                }

                if (sent.Count >= maxMessages)
                {
                    break;
                }
            }

            return new(sent, Reported: false);
        }
        finally
        {
            if (turn)
            {
                sender.LeaveTurn();
            }
        }
    }

    private async Task<SpokenReply?> SpeakAsync(PendingReply reply, IReplySpeaker speaker, ChannelReader<ReplyPhrase> phrases, CancellationToken cancellationToken)
    {
        var (item, _, fired, _) = reply;
        var request = new SpeechRequest
        {
            Platform = item.Event.Platform.Value,
            Channel = item.Event.Channel,
            Trigger = fired.Trigger.Name,
            CorrelationId = item.CorrelationId.ToString(),
            Priority = fired.Trigger.Policy.Priority,
        };
        try
        {
            return await speaker.SpeakAsync(request, phrases.ReadAllAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            EngineLog.SpeechFailed(services.Logger, ex, item.CorrelationId, fired.Trigger.Name);
            return null;
        }
    }

    private void LogFailure(PendingReply reply, Exception failure, TimeSpan limit)
    {
        var (item, _, fired, _) = reply;
        if (failure is TimeoutException)
        {
            EngineLog.LlmTimedOut(services.Logger, item.CorrelationId, fired.Trigger.Name, limit);
            return;
        }

        // One readable line for the streamer; the stack trace only when asked for.
        EngineLog.LlmFailed(services.Logger, item.CorrelationId, fired.Trigger.Name, failure.Message);
        EngineLog.LlmFailureDetails(services.Logger, failure, item.CorrelationId);
    }

    private readonly record struct StreamRead(int Phrases, Exception? Failure);

    private readonly record struct ChatSent(List<string> Texts, bool Reported);
}
