using System.Runtime.CompilerServices;

namespace ChatBotKit.Engine;

/// <summary>
/// Times one streamed LLM reply for <see cref="ChatBotMetrics"/>: how long viewers waited from the
/// request to the reply's first token and to its first complete phrase, and how many tokens per
/// second arrived from the first token to the last. A token is one piece of text the model streamed;
/// a model that does not stream gives its whole reply as one token, so it has no rate.
/// </summary>
internal sealed class ReplyStreamTiming(TimeProvider clock, ChatBotMetrics metrics)
{
    private readonly long _asked = clock.GetTimestamp();
    private long _firstToken;
    private long _lastToken;
    private int _tokens;
    private bool _phrased;

    /// <summary>Passes <paramref name="tokens"/> through, noting when each arrives.</summary>
    public async IAsyncEnumerable<string> TimeAsync(IAsyncEnumerable<string> tokens, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var token in tokens.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            _lastToken = clock.GetTimestamp();
            if (_tokens++ == 0)
            {
                _firstToken = _lastToken;
                metrics.FirstToken(clock.GetElapsedTime(_asked, _firstToken));
            }

            yield return token;
        }
    }

    /// <summary>A phrase is complete; the first one is measured.</summary>
    public void PhraseReady()
    {
        if (!_phrased)
        {
            _phrased = true;
            metrics.FirstPhrase(clock.GetElapsedTime(_asked));
        }
    }

    /// <summary>The stream ended (or was left); its rate is measured when it had two tokens some time apart.</summary>
    public void Ended()
    {
        var streaming = clock.GetElapsedTime(_firstToken, _lastToken);
        if (_tokens > 1 && streaming > TimeSpan.Zero)
        {
            metrics.TokenRate((_tokens - 1) / streaming.TotalSeconds);
        }
    }
}
