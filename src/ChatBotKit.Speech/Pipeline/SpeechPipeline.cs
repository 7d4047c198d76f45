using System.Diagnostics.Metrics;
using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Health;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Speech.Pipeline;

/// <summary>
/// The bot's voice: an <see cref="IReplySpeaker"/> that synthesises a reply's phrases in parallel
/// while the model is still writing and plays them strictly in order on one <see cref="IAudioSink"/>.
/// A phrase that cannot be synthesised is skipped (a logged gap); replies take turns, and a newer
/// one of higher priority, <see cref="Interrupt"/> or disposing stops the one speaking, keeping as
/// heard text only the phrases that were played, ending with "…". It never throws into the engine:
/// when the voice cannot work (espeak-ng not installed) it says so once and replies stay text.
/// </summary>
public sealed class SpeechPipeline : IReplySpeaker, IAsyncDisposable
{
    /// <summary>The name of the meter the pipeline measures on.</summary>
    public const string MeterName = SpeechMetrics.MeterName;

    private readonly ITextToSpeechClient _tts;
    private readonly IAudioSink _sink;
    private readonly PhraseSynthesizer _synthesizer;
    private readonly SemaphoreSlim _workers;
    private readonly ReplyTurns _turns = new();
    private readonly SpeechHealthTracker _health;
    private readonly CancellationTokenSource _shutdown = new();
    private int _voiceUnavailable;
    private int _disposed;

    /// <summary>Speaks through <paramref name="tts"/> to <paramref name="sink"/>; the pipeline owns both and disposes them.</summary>
    public SpeechPipeline(
        ITextToSpeechClient tts,
        IAudioSink sink,
        SpeechPipelineOptions? options = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(tts);
        ArgumentNullException.ThrowIfNull(sink);
        Options = options ?? new SpeechPipelineOptions();
        Options.Validate();
        _tts = tts;
        _sink = sink;
        Time = timeProvider ?? TimeProvider.System;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SpeechPipeline>();
        Metrics = new SpeechMetrics(meterFactory);
        _health = new SpeechHealthTracker(Time);
        _synthesizer = new PhraseSynthesizer(tts, Options.Speech, Options.PhraseTimeout, Time);
        _workers = new SemaphoreSlim(Options.Workers);
        Player = new UtterancePlayer(sink, Time, Options.WriteAhead);
    }

    /// <summary>An utterance begins to play: its text, emotion and mouth envelope, for an avatar.</summary>
    public event EventHandler<UtteranceStarted>? UtteranceStarted;

    /// <summary>An utterance played to its end or was cut off.</summary>
    public event EventHandler<UtteranceStopped>? UtteranceStopped;

    /// <summary>How well the voice worked over the last five minutes.</summary>
    public SpeechHealth Health => _health.Snapshot();

    /// <summary><see langword="false"/> once the voice found it cannot work (for example espeak-ng is not installed).</summary>
    public bool CanSpeak => Volatile.Read(ref _voiceUnavailable) == 0;

    internal SpeechPipelineOptions Options { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal SpeechMetrics Metrics { get; }

    internal UtterancePlayer Player { get; }

    internal SemaphoreSlim Voice { get; } = new(1, 1);

    internal BackgroundTasks Tasks { get; } = new();

    /// <inheritdoc />
    public async Task<SpokenReply> SpeakAsync(SpeechRequest request, IAsyncEnumerable<ReplyPhrase> phrases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(phrases);
        if (Volatile.Read(ref _disposed) != 0 || !CanSpeak)
        {
            return new SpokenReply("", Interrupted: false);
        }

        var turn = _turns.Open(request, _shutdown.Token, cancellationToken);
        try
        {
            // Tracked so that disposing waits for the reply to finish with the sink.
            return await Tasks.Track(new ReplyRun(this, turn).RunAsync(phrases)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            SpeechLog.SpeakingFailed(Logger, request.CorrelationId, e);
            return new SpokenReply("", Interrupted: true);
        }
        finally
        {
            _turns.Close(turn);
        }
    }

    /// <summary>Stops every reply being spoken or waiting to be (a moderator's <c>!stop</c>); returns how many were stopped.</summary>
    public int Interrupt() => _turns.InterruptAll("stop");

    /// <summary>Stops speaking, waits for every synthesis and loop to end, and disposes the sink and the text-to-speech client.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _turns.InterruptAll("shutdown");
        await _shutdown.CancelAsync().ConfigureAwait(false);
        await Tasks.WhenAllAsync().ConfigureAwait(false);
        await _sink.DisposeAsync().ConfigureAwait(false);
        _tts.Dispose();
        Metrics.Dispose();
        _shutdown.Dispose();
    }

    internal async Task<PcmAudio?> SynthesizeAsync(string text, int index, string correlationId, CancellationToken cancellationToken)
    {
        try
        {
            await _workers.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        var started = Time.GetTimestamp();
        try
        {
            var audio = await _synthesizer.SynthesizeAsync(text, cancellationToken).ConfigureAwait(false);
            Metrics.Synthesised(Time.GetElapsedTime(started));
            _health.PhraseSynthesised(succeeded: true);
            return audio;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (SpeechException e) when (e.VoiceUnavailable)
        {
            if (Interlocked.Exchange(ref _voiceUnavailable, 1) == 0)
            {
                SpeechLog.VoiceUnavailable(Logger, e.Message);
            }

            return null;
        }
        catch (Exception e)
        {
            Metrics.SynthesisFailed();
            _health.PhraseSynthesised(succeeded: false);
            SpeechLog.PhraseFailed(Logger, index, correlationId, e.Message);
            return null;
        }
        finally
        {
            _workers.Release();
        }
    }

    internal void FirstAudio(TimeSpan latency)
    {
        Metrics.FirstAudio(latency);
        _health.FirstAudio(latency);
    }

    internal void Raise(UtteranceStarted started) => Raise(UtteranceStarted, started, nameof(UtteranceStarted));

    internal void Raise(UtteranceStopped stopped) => Raise(UtteranceStopped, stopped, nameof(UtteranceStopped));

    private void Raise<T>(EventHandler<T>? handler, T args, string name)
    {
        try
        {
            handler?.Invoke(this, args);
        }
        catch (Exception e)
        {
            SpeechLog.HandlerFailed(Logger, name, e);
        }
    }
}
