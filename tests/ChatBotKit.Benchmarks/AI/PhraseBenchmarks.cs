using BenchmarkDotNet.Attributes;
using ChatBotKit.Speech;
using ChatBotKit.Streaming;

namespace ChatBotKit.Benchmarks.AI;

/// <summary>
/// Phrase emission latency: the time from a boundary token arriving to its phrase being
/// emitted. <see cref="BoundaryToken"/> appends nine plain tokens and then the boundary token,
/// so it is an upper bound on the boundary token's own cost (the buffer is empty again after it);
/// <see cref="TaggedBoundaryToken"/> does the same through the engine's assembler with emotion tags; <see cref="StreamOfPhrases"/> runs 1,000 tokens (a boundary every ten)
/// through the async <see cref="PhraseBuffer"/>, reported per phrase.
/// </summary>
[MemoryDiagnoser]
public class PhraseBenchmarks
{
    private static readonly string[] Lead = ["So", " the", " boss", " has", " two", " phases", " and", " a", " rage"];
    private static readonly string[] Stream = [.. Enumerable.Range(0, 1_000).Select(i => i % 10 == 9 ? " mode!" : " word")];
    private readonly List<string> _phrases = new(4);
    private readonly PhraseAssembler _assembler = new();
    private readonly List<ReplyPhrase> _replyPhrases = new(4);
    private readonly ReplyPhraseAssembler _tagged = new(new PhraseBufferOptions(), ["happy", "sad", "surprised"]);

    [Benchmark]
    public int BoundaryToken()
    {
        _phrases.Clear();
        foreach (var token in Lead)
        {
            _assembler.Append(token, _phrases);
        }

        _assembler.Append(" mode!", _phrases);
        return _phrases.Count == 1 ? 1 : throw new InvalidOperationException("no phrase");
    }

    /// <summary>The engine's assembler: the same tokens through the emotion-tag reader, with a tag in the lead.</summary>
    [Benchmark]
    public int TaggedBoundaryToken()
    {
        _replyPhrases.Clear();
        _tagged.Append("[happy]", _replyPhrases);
        foreach (var token in Lead)
        {
            _tagged.Append(token, _replyPhrases);
        }

        _tagged.Append(" [sad] mode!", _replyPhrases);
        return _replyPhrases.Count == 1 ? 1 : throw new InvalidOperationException("no phrase");
    }

    [Benchmark(OperationsPerInvoke = 100)]
    public async Task<int> StreamOfPhrases()
    {
        var count = 0;
        await foreach (var _ in Tokens().ToPhrasesAsync().ConfigureAwait(false))
        {
            count++;
        }

        return count == 100 ? count : throw new InvalidOperationException($"{count} phrases");
    }

    private static async IAsyncEnumerable<string> Tokens()
    {
        foreach (var token in Stream)
        {
            yield return token;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
