using System.Collections.Concurrent;
using ChatBotKit.Speech;

namespace ChatBotKit.Tests.Fakes;

/// <summary>
/// A speaker that "plays" each phrase as it arrives and records it. <see cref="Heard"/> decides what the
/// audience heard of a reply (by default every phrase, joined by spaces).
/// </summary>
public sealed class RecordingSpeaker : IReplySpeaker
{
    private readonly ConcurrentQueue<ReplyPhrase> _phrases = new();
    private readonly ConcurrentQueue<SpeechRequest> _requests = new();
    private readonly SemaphoreSlim _phraseSignal = new(0);

    public IReadOnlyList<ReplyPhrase> Phrases => [.. _phrases];

    public IReadOnlyList<SpeechRequest> Requests => [.. _requests];

    public Func<IReadOnlyList<ReplyPhrase>, SpokenReply> Heard { get; set; } =
        phrases => new SpokenReply(string.Join(' ', phrases.Select(p => p.Text)), Interrupted: false);

    public async Task<SpokenReply> SpeakAsync(SpeechRequest request, IAsyncEnumerable<ReplyPhrase> phrases, CancellationToken cancellationToken = default)
    {
        _requests.Enqueue(request);
        var spoken = new List<ReplyPhrase>();
        await foreach (var phrase in phrases.WithCancellation(cancellationToken))
        {
            spoken.Add(phrase);
            _phrases.Enqueue(phrase);
            _phraseSignal.Release();
        }

        return Heard(spoken);
    }

    public async Task WaitForPhrasesAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_phrases.Count < count)
        {
            await _phraseSignal.WaitAsync(timeout.Token);
        }
    }
}
