using System.Runtime.CompilerServices;
using ChatBotKit.Speech;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Streaming;

/// <summary>
/// Phrases from a token stream: a <see cref="PhraseAssembler"/> plus the maximum wait. Used to
/// split a long reply into chat-sized messages at sentence boundaries and to feed speech.
/// </summary>
public static class PhraseBuffer
{
    /// <summary>Phrases from the text of streamed chat updates.</summary>
    public static IAsyncEnumerable<string> ToPhrasesAsync(
        this IAsyncEnumerable<ChatResponseUpdate> updates, PhraseBufferOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        return TextOf(updates, cancellationToken).ToPhrasesAsync(options, cancellationToken);
    }

    /// <summary>
    /// Phrases from text tokens. A phrase that has waited <see cref="PhraseBufferOptions.MaxWait"/>
    /// for a boundary is emitted as it stands. Cancelling, or leaving the loop early, cancels the
    /// upstream enumeration.
    /// </summary>
    public static async IAsyncEnumerable<string> ToPhrasesAsync(
        this IAsyncEnumerable<string> tokens, PhraseBufferOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        options ??= new PhraseBufferOptions();
        var assembler = new ReplyPhraseAssembler(options, []);
        await foreach (var step in StepsAsync(tokens, assembler, options, cancellationToken).ConfigureAwait(false))
        {
            if (step is { } phrase)
            {
                yield return phrase.Text;
            }
        }
    }

    /// <summary>
    /// The phrases <paramref name="assembler"/> cuts from <paramref name="tokens"/>, each as soon as
    /// it is complete, and after every token a <see langword="null"/> step at which the caller may
    /// look at the text still pending. Phrases that waited <see cref="PhraseBufferOptions.MaxWait"/>
    /// are emitted as they stand. A failing stream throws after the phrases completed before it.
    /// </summary>
    internal static async IAsyncEnumerable<ReplyPhrase?> StepsAsync(
        IAsyncEnumerable<string> tokens, ReplyPhraseAssembler assembler, PhraseBufferOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var time = options.TimeProvider ?? TimeProvider.System;
        var ready = new List<ReplyPhrase>();
        using var upstream = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var enumerator = tokens.GetAsyncEnumerator(upstream.Token);
        Task<bool>? next = null;
        var pendingSince = 0L;
        try
        {
            while (true)
            {
                next ??= enumerator.MoveNextAsync().AsTask();
                if (assembler.HasPending && !next.IsCompleted && !await ArrivesInTimeAsync(next, options.MaxWait - time.GetElapsedTime(pendingSince), time, cancellationToken).ConfigureAwait(false))
                {
                    assembler.Flush(endOfStream: false, ready);
                }
                else
                {
                    var hasToken = await next.ConfigureAwait(false);
                    next = null;
                    if (!hasToken)
                    {
                        break;
                    }

                    var hadPending = assembler.HasPending;
                    assembler.Append(enumerator.Current, ready);
                    if (assembler.HasPending && (!hadPending || ready.Count > 0))
                    {
                        pendingSince = time.GetTimestamp();
                    }
                }

                foreach (var phrase in ready)
                {
                    yield return phrase;
                }

                ready.Clear();
                yield return null;
            }

            assembler.Flush(endOfStream: true, ready);
            foreach (var phrase in ready)
            {
                yield return phrase;
            }
        }
        finally
        {
            await upstream.CancelAsync().ConfigureAwait(false);
            if (next is not null)
            {
                await next.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            }

            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<bool> ArrivesInTimeAsync(Task<bool> next, TimeSpan remaining, TimeProvider time, CancellationToken cancellationToken)
    {
        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(remaining, time, stopDelay.Token);
        var first = await Task.WhenAny(next, delay).ConfigureAwait(false);
        await stopDelay.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return first == next;
    }

    private static async IAsyncEnumerable<string> TextOf(IAsyncEnumerable<ChatResponseUpdate> updates, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var text = update.Text;
            if (text.Length > 0)
            {
                yield return text;
            }
        }
    }
}
