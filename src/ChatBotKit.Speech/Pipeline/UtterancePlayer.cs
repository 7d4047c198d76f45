using ChatBotKit.Speech.Audio;

namespace ChatBotKit.Speech.Pipeline;

/// <summary>
/// Writes utterances to the sink one after another. For a real-time sink it writes no more than
/// <c>writeAhead</c> ahead of what is heard, keeping track of when the written audio ends, so that
/// stopping to write silences the voice within that margin (plus the player's own buffer).
/// </summary>
internal sealed class UtterancePlayer(IAudioSink sink, TimeProvider time, TimeSpan writeAhead)
{
    private static readonly TimeSpan Chunk = TimeSpan.FromMilliseconds(40);
    private DateTimeOffset _audioEndsAt = DateTimeOffset.MinValue;

    /// <summary>When audio written so far stops playing.</summary>
    public DateTimeOffset AudioEndsAt => _audioEndsAt;

    /// <summary>When an utterance started now would be heard: after what is still playing.</summary>
    public DateTimeOffset NextStart => Later(time.GetUtcNow(), _audioEndsAt);

    public async Task PlayAsync(PcmAudio audio, CancellationToken cancellationToken)
    {
        await sink.BeginUtteranceAsync(audio.SampleRate, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!sink.PlaysInRealTime)
            {
                _audioEndsAt = NextStart + audio.Duration;
                await sink.WriteAsync(audio.Samples, cancellationToken).ConfigureAwait(false);
                return;
            }

            var perChunk = Math.Max(1, (int)(audio.SampleRate * Chunk.TotalSeconds));
            for (var offset = 0; offset < audio.Samples.Length; offset += perChunk)
            {
                var ahead = _audioEndsAt - time.GetUtcNow();
                if (ahead > writeAhead)
                {
                    await Task.Delay(ahead - writeAhead, time, cancellationToken).ConfigureAwait(false);
                }

                var chunk = audio.Samples.Slice(offset, Math.Min(perChunk, audio.Samples.Length - offset));
                await sink.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                _audioEndsAt = NextStart + TimeSpan.FromSeconds((double)chunk.Length / audio.SampleRate);
            }
        }
        finally
        {
            await sink.EndUtteranceAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the audio written so far was heard (at once for a sink that is not real time).</summary>
    public Task WaitUntilHeardAsync(CancellationToken cancellationToken)
    {
        var left = _audioEndsAt - time.GetUtcNow();
        return sink.PlaysInRealTime && left > TimeSpan.Zero ? Task.Delay(left, time, cancellationToken) : Task.CompletedTask;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
