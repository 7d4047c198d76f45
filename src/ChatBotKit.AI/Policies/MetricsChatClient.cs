using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Policies;

/// <summary>
/// Records requests, failures by kind, latency, time to first token and tokens in/out to
/// <see cref="LlmMetrics"/> (meter <c>ChatBotKit.AI</c>, instruments <c>chatbotkit.llm.*</c>).
/// Cancellation by the caller is not a failure.
/// </summary>
internal sealed class MetricsChatClient : DelegatingChatClient
{
    private readonly TimeProvider _time;
    private readonly KeyValuePair<string, object?> _modelTag;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    public MetricsChatClient(IChatClient innerClient, LlmMetrics metrics, TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        Metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _time = timeProvider ?? TimeProvider.System;
        _modelTag = new("model", innerClient.GetService<ChatClientMetadata>()?.DefaultModelId ?? "unknown");
    }

    /// <summary>The instruments recorded to.</summary>
    public LlmMetrics Metrics { get; }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Metrics.Requests.Add(1, _modelTag);
        var start = _time.GetTimestamp();
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            RecordUsage(response.Usage);
            return response;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            RecordFailure(ex);
            throw;
        }
        finally
        {
            Metrics.Duration.Record(_time.GetElapsedTime(start).TotalSeconds, _modelTag);
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Metrics.Requests.Add(1, _modelTag);
        var start = _time.GetTimestamp();
        var sawText = false;
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
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    RecordFailure(ex);
                    throw;
                }

                var update = enumerator.Current;
                if (!sawText && update.Contents.Any(c => c is TextContent { Text.Length: > 0 }))
                {
                    sawText = true;
                    Metrics.TimeToFirstToken.Record(_time.GetElapsedTime(start).TotalSeconds, _modelTag);
                }

                foreach (var content in update.Contents)
                {
                    if (content is UsageContent usage)
                    {
                        RecordUsage(usage.Details);
                    }
                }

                yield return update;
            }
        }
        finally
        {
            Metrics.Duration.Record(_time.GetElapsedTime(start).TotalSeconds, _modelTag);
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(LlmMetrics) ? Metrics : base.GetService(serviceType, serviceKey);

    private void RecordUsage(UsageDetails? usage)
    {
        if (usage?.InputTokenCount is { } input)
        {
            Metrics.InputTokens.Add(input, _modelTag);
        }

        if (usage?.OutputTokenCount is { } output)
        {
            Metrics.OutputTokens.Add(output, _modelTag);
        }
    }

    private void RecordFailure(Exception error) =>
        Metrics.Failures.Add(1, _modelTag, new("kind", LlmFailures.TagOf(LlmFailures.KindOf(error))));
}
