using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.AI.Policies;

/// <summary>
/// Logs each call's start, end (duration, tokens, finish reason) and failure kind. Prompt and
/// reply text are logged only at Trace; keys never appear in any message.
/// </summary>
public sealed class LoggingChatClient : DelegatingChatClient
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly string _provider;
    private readonly string _model;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    public LoggingChatClient(IChatClient innerClient, ILogger logger, TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = timeProvider ?? TimeProvider.System;
        var metadata = innerClient.GetService<ChatClientMetadata>();
        _provider = metadata?.ProviderName ?? "unknown";
        _model = metadata?.DefaultModelId ?? "unknown";
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var start = Started(messages, options, streaming: false);
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            Finished(start, response.Usage, response.FinishReason, response.Text);
            return response;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Failed(start, ex))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var start = Started(messages, options, streaming: true);
        var text = _logger.IsEnabled(LogLevel.Trace) ? new StringBuilder() : null;
        UsageDetails? usage = null;
        ChatFinishReason? finish = null;
        var enumerator = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Failed(start, ex))
                {
                    throw;
                }

                var update = enumerator.Current;
                text?.Append(update.Text);
                finish = update.FinishReason ?? finish;
                usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
                yield return update;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }

        Finished(start, usage, finish, text?.ToString());
    }

    private long Started(IEnumerable<ChatMessage> messages, ChatOptions? options, bool streaming)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var count = messages.Count();
            LlmLog.CallStarted(_logger, _provider, options?.ModelId ?? _model, count, streaming);
        }

        if (_logger.IsEnabled(LogLevel.Trace) && messages.LastOrDefault() is { } last)
        {
            LlmLog.Prompt(_logger, last.Text);
        }

        return _time.GetTimestamp();
    }

    private void Finished(long start, UsageDetails? usage, ChatFinishReason? finish, string? text)
    {
        var elapsed = _time.GetElapsedTime(start).TotalMilliseconds;
        LlmLog.CallFinished(_logger, _model, elapsed, usage?.InputTokenCount, usage?.OutputTokenCount, finish?.Value);
        if (text is not null && _logger.IsEnabled(LogLevel.Trace))
        {
            LlmLog.Reply(_logger, text);
        }
    }

    private bool Failed(long start, Exception error)
    {
        var kind = LlmFailures.TagOf(LlmFailures.KindOf(error));
        LlmLog.CallFailed(_logger, _model, _time.GetElapsedTime(start).TotalMilliseconds, kind, error.Message);
        return false;
    }
}
