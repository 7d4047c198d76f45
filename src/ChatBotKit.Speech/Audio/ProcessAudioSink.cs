using System.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Speech.Audio;

/// <summary>
/// Plays speech through one long-running player program (<c>pacat</c> or <c>pw-cat</c>) fed raw
/// PCM, so that utterances follow each other without the start-up cost of a player per clip. A
/// player that exits is started again and the lost audio is logged as a gap; a player that fails
/// right after starting is tried again after <see cref="ProcessAudioSinkOptions.RestartDelay"/>.
/// </summary>
public sealed class ProcessAudioSink : IAudioSink
{
    private static readonly TimeSpan HealthyRun = TimeSpan.FromSeconds(1);
    private readonly ProcessAudioSinkOptions _options;
    private readonly IReadOnlyList<string> _arguments;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private LinearResampler _resampler;
    private PlayerProcess? _player;
    private long _startedAt;
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;
    private DateTimeOffset? _gapSince;

    /// <summary>Creates the sink; the player starts with the first utterance.</summary>
    public ProcessAudioSink(ProcessAudioSinkOptions? options = null, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new ProcessAudioSinkOptions();
        _arguments = _options.ResolveArguments();
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _resampler = new LinearResampler(_options.SampleRate, _options.SampleRate);
    }

    /// <inheritdoc />
    public bool PlaysInRealTime => true;

    /// <summary>The running player's process id, or <see langword="null"/> when none runs.</summary>
    public int? PlayerProcessId => _player?.Id;

    /// <inheritdoc />
    public ValueTask BeginUtteranceAsync(int sampleRate, CancellationToken cancellationToken = default)
    {
        _resampler = new LinearResampler(sampleRate, _options.SampleRate);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken = default)
    {
        var bytes = PcmBytes.ToArray(_resampler.Process(samples.Span));
        if (await EnsurePlayerAsync().ConfigureAwait(false) is not { } player)
        {
            return;
        }

        try
        {
            await player.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            await LosePlayerAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public ValueTask EndUtteranceAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_player is { } player)
        {
            _player = null;
            await player.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask<PlayerProcess?> EnsurePlayerAsync()
    {
        if (_player is { HasExited: true })
        {
            await LosePlayerAsync().ConfigureAwait(false);
        }

        if (_player is not null || _time.GetUtcNow() < _retryAt)
        {
            return _player;
        }

        try
        {
            _player = PlayerProcess.Start(_options.Program, _arguments, _logger);
            _startedAt = _time.GetTimestamp();
            if (_gapSince is { } since)
            {
                SpeechLog.PlayerRestarted(_logger, _options.Program, (_time.GetUtcNow() - since).TotalMilliseconds);
                _gapSince = null;
            }

            return _player;
        }
        catch (Win32Exception e)
        {
            SpeechLog.PlayerMissing(_logger, _options.Program, e.Message);
            _gapSince ??= _time.GetUtcNow();
            _retryAt = _time.GetUtcNow() + _options.RestartDelay;
            return null;
        }
    }

    private async ValueTask LosePlayerAsync()
    {
        if (_player is not { } player)
        {
            return;
        }

        _player = null;
        await player.DisposeAsync().ConfigureAwait(false);
        SpeechLog.PlayerExited(_logger, _options.Program, player.ExitCode);
        _gapSince ??= _time.GetUtcNow();
        if (_time.GetElapsedTime(_startedAt) < HealthyRun)
        {
            _retryAt = _time.GetUtcNow() + _options.RestartDelay;
        }
    }
}
