using System.Threading.Channels;
using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.LipSync;

namespace ChatBotKit.Speech.Pipeline;

/// <summary>
/// Speaks one reply: a reader takes the phrases as the engine writes them, a dispatcher starts
/// their synthesis in order (in parallel, at most the lookahead ahead of playback), and the
/// sequencer plays each phrase's audio strictly in arrival order once it is ready, skipping a
/// phrase whose synthesis failed. An interrupt stops all three and keeps what was heard.
/// </summary>
internal sealed class ReplyRun(SpeechPipeline pipeline, ReplyTurn turn)
{
    private readonly Channel<ReplyPhrase> _texts = Channel.CreateUnbounded<ReplyPhrase>(new() { SingleReader = true, SingleWriter = true });
    private readonly Channel<PendingPhrase> _pending = Channel.CreateBounded<PendingPhrase>(
        new BoundedChannelOptions(pipeline.Options.Lookahead) { SingleReader = true, SingleWriter = true });
    private readonly List<(string Text, DateTimeOffset StartsAt)> _played = [];
    private long _firstPhraseAt;
    private int _phrases;

    private string CorrelationId => turn.Request.CorrelationId;

    public async Task<SpokenReply> RunAsync(IAsyncEnumerable<ReplyPhrase> phrases)
    {
        var token = turn.Token;
        _ = pipeline.Tasks.Track(ReadAsync(phrases, token));
        _ = pipeline.Tasks.Track(DispatchAsync(token));
        try
        {
            await pipeline.Voice.WaitAsync(token).ConfigureAwait(false);
            try
            {
                await PlayAllAsync(token).ConfigureAwait(false);
            }
            finally
            {
                pipeline.Voice.Release();
            }

            return new SpokenReply(Heard(DateTimeOffset.MaxValue), Interrupted: false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            var heard = Heard(pipeline.Time.GetUtcNow());
            pipeline.Metrics.Interrupted(turn.Reason);
            SpeechLog.Interrupted(pipeline.Logger, CorrelationId, turn.Reason, _played.Count(p => p.StartsAt <= pipeline.Time.GetUtcNow()));
            return new SpokenReply(heard.Length > 0 ? heard + "…" : "", Interrupted: true);
        }
    }

    private async Task PlayAllAsync(CancellationToken token)
    {
        await foreach (var pending in _pending.Reader.ReadAllAsync(token).ConfigureAwait(false))
        {
            var audio = await pending.Audio.ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
            if (audio is not null)
            {
                await PlayAsync(pending.Phrase, audio, token).ConfigureAwait(false);
            }
        }

        await pipeline.Player.WaitUntilHeardAsync(token).ConfigureAwait(false);
    }

    private async Task PlayAsync(ReplyPhrase phrase, PcmAudio audio, CancellationToken token)
    {
        var startsAt = pipeline.Player.NextStart;
        if (_played.Count == 0 && Volatile.Read(ref _firstPhraseAt) is var first and not 0)
        {
            pipeline.FirstAudio(pipeline.Time.GetElapsedTime(first));
        }

        _played.Add((phrase.Text, startsAt));
        var envelope = MouthMeter.Measure(audio, pipeline.Options.MouthFrame);
        pipeline.Raise(new UtteranceStarted(turn.Request, phrase.Text, phrase.Emotion, envelope, startsAt, audio.Duration));
        var interrupted = true;
        try
        {
            await pipeline.Player.PlayAsync(audio, token).ConfigureAwait(false);
            interrupted = false;
            pipeline.Metrics.PhrasePlayed();
        }
        finally
        {
            pipeline.Raise(new UtteranceStopped(turn.Request, phrase.Text, pipeline.Player.AudioEndsAt, interrupted));
        }
    }

    private async Task ReadAsync(IAsyncEnumerable<ReplyPhrase> phrases, CancellationToken token)
    {
        try
        {
            await foreach (var phrase in phrases.WithCancellation(token).ConfigureAwait(false))
            {
                foreach (var piece in PhraseSplitter.Split(phrase.Text ?? "", pipeline.Options.MaxPhraseLength))
                {
                    Interlocked.CompareExchange(ref _firstPhraseAt, pipeline.Time.GetTimestamp(), 0);
                    _texts.Writer.TryWrite(phrase with { Text = piece });
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Interrupted: the phrases still coming will not be spoken.
        }
        catch (Exception e)
        {
            SpeechLog.PhraseStreamFailed(pipeline.Logger, CorrelationId, e);
        }
        finally
        {
            _texts.Writer.TryComplete();
        }
    }

    private async Task DispatchAsync(CancellationToken token)
    {
        try
        {
            await foreach (var phrase in _texts.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                if (!await _pending.Writer.WaitToWriteAsync(token).ConfigureAwait(false))
                {
                    return;
                }

                var audio = pipeline.Tasks.Track(pipeline.SynthesizeAsync(phrase.Text, ++_phrases, CorrelationId, token));
                _pending.Writer.TryWrite(new PendingPhrase(phrase, audio));
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Interrupted: nothing more is synthesised.
        }
        finally
        {
            _pending.Writer.TryComplete();
        }
    }

    private string Heard(DateTimeOffset now) => string.Join(' ', _played.Where(p => p.StartsAt <= now).Select(p => p.Text));

    private sealed record PendingPhrase(ReplyPhrase Phrase, Task<PcmAudio?> Audio);
}
