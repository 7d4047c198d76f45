using ChatBotKit.Speech;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.VTubeStudio;

/// <summary>
/// Moves the avatar's mouth with the bot's voice: while an utterance plays, the level of its
/// <see cref="MouthEnvelope"/> at the playback position is injected into <c>MouthOpen</c> about
/// 30 times a second, an unchanged value at least every <see cref="LipSyncOptions.KeepAlive"/>; when
/// the utterance ends or is interrupted the mouth is closed. While VTube Studio is not connected
/// the frames are skipped; speech goes on.
/// </summary>
public sealed class LipSyncInjector
{
    private readonly Func<double, CancellationToken, Task> _inject;
    private readonly Func<bool> _canSend;
    private readonly LipSyncOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Injects into the VTube Studio behind <paramref name="client"/>.</summary>
    public LipSyncInjector(VTubeStudioClient client, LipSyncOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(
            MouthOpenInjector(client, (options ?? new()).Parameter),
            () => client.IsReady,
            options,
            timeProvider,
            logger)
    {
    }

    internal LipSyncInjector(Func<double, CancellationToken, Task> inject, Func<bool> canSend, LipSyncOptions? options, TimeProvider? timeProvider, ILogger? logger)
    {
        _inject = inject;
        _canSend = canSend;
        _options = options ?? new LipSyncOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        if (_options.Rate is <= 0 or > 120 || _options.KeepAlive <= TimeSpan.Zero || _options.KeepAlive > TimeSpan.FromMilliseconds(500))
        {
            throw new ChatBotConfigurationException("LipSync", "Rate must be above 0 and at most 120 per second, KeepAlive above 0 and at most 500 ms");
        }
    }

    /// <summary>
    /// Moves the mouth through <paramref name="envelope"/> of an utterance heard from <paramref name="startsAt"/>
    /// (a voice's <c>UtteranceStarted.StartsAt</c>, which may be a moment ahead), and closes it at the end.
    /// </summary>
    public Task SpeakAsync(MouthEnvelope envelope, DateTimeOffset startsAt, CancellationToken cancellationToken = default)
    {
        var ahead = startsAt - _time.GetUtcNow();
        return SpeakAsync(envelope, _time.GetTimestamp() + (long)(ahead.TotalSeconds * _time.TimestampFrequency), cancellationToken);
    }

    /// <summary>
    /// Moves the mouth through <paramref name="envelope"/> and closes it at the end. Cancelling
    /// <paramref name="cancellationToken"/> interrupts it: the mouth closes, then the cancellation is thrown.
    /// </summary>
    /// <param name="envelope">The utterance's mouth movement.</param>
    /// <param name="playbackStarted">When playback started, as a <see cref="TimeProvider.GetTimestamp"/> of the same clock; <see langword="null"/> for now.</param>
    /// <param name="cancellationToken">Interrupts the utterance.</param>
    public async Task SpeakAsync(MouthEnvelope envelope, long? playbackStarted = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var frames = new MouthFrames(envelope, _options, _time, playbackStarted ?? _time.GetTimestamp());
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1 / _options.Rate), _time);
        try
        {
            do
            {
                if (frames.Over)
                {
                    break;
                }

                if (frames.Next() is { } level)
                {
                    await SendAsync(level, cancellationToken).ConfigureAwait(false);
                }
            }
            while (await ticks.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            await SendAsync(0, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static Func<double, CancellationToken, Task> MouthOpenInjector(VTubeStudioClient client, string parameter)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (level, ct) => client.InjectParametersAsync([new VTubeStudioParameterValue(parameter, level)], cancellationToken: ct);
    }

    private async Task SendAsync(double level, CancellationToken cancellationToken)
    {
        if (!_canSend())
        {
            return;
        }

        try
        {
            await _inject(level, cancellationToken).ConfigureAwait(false);
        }
        catch (VTubeStudioException ex)
        {
            VTubeStudioLog.LipSyncFrameFailed(_logger, ex.Message);
        }
    }
}
