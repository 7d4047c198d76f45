using System.Runtime.CompilerServices;
using ChatBotKit.AI.Errors;
using ChatBotKit.Policies;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Policies;

/// <summary>
/// Fails a call with an <see cref="LlmException"/> of kind <see cref="LlmFailureKind.Timeout"/> when it takes longer than the timeout
/// (default 30 s), measured on a <see cref="TimeProvider"/>. For a streamed response the
/// timeout covers the whole stream. The inner call is cancelled; a call that ignores
/// cancellation is abandoned. The time limit itself is core's <see cref="Deadline"/>, the same
/// one the engine puts on its LLM calls.
/// </summary>
internal sealed class TimeoutChatClient : DelegatingChatClient
{
    /// <summary>The default timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    public TimeoutChatClient(IChatClient innerClient, TimeSpan? timeout = null, TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        Timeout = timeout ?? DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long a call may take.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Deadline.RunAsync(token => base.GetResponseAsync(messages, options, token), Timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw TimedOut(ex);
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var deadline = new Deadline(Timeout, _time, cancellationToken);
        var enumerator = base.GetStreamingResponseAsync(messages, options, deadline.Token).GetAsyncEnumerator(deadline.Token);
        Task<bool>? pending = null;
        try
        {
            while (true)
            {
                try
                {
                    pending = enumerator.MoveNextAsync().AsTask();
                    var hasNext = await deadline.WaitAsync(pending).ConfigureAwait(false);
                    pending = null;
                    if (!hasNext)
                    {
                        break;
                    }
                }
                catch (TimeoutException ex)
                {
                    throw TimedOut(ex);
                }

                yield return enumerator.Current;
            }
        }
        finally
        {
            await deadline.CancelAsync().ConfigureAwait(false);
            if (pending is { IsCompleted: false })
            {
                // An abandoned MoveNextAsync must finish before the stream can be disposed.
                _ = pending.ContinueWith(_ => enumerator.DisposeAsync().AsTask(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
            else
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private LlmException TimedOut(Exception inner)
    {
        var metadata = this.GetService<ChatClientMetadata>();
        return new LlmException(
            LlmFailureKind.Timeout,
            $"the call to {metadata?.ProviderUri?.ToString() ?? "the language model"} took longer than {Timeout.TotalSeconds:0.###} s",
            metadata?.ProviderUri,
            null,
            inner)
        {
            Model = metadata?.DefaultModelId,
        };
    }
}
