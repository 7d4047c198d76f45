using ChatBotKit.Prompting;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.VTubeStudio;

/// <summary>
/// Keeps the avatar's resting face in step with the bot's mood: every so often it reads
/// <see cref="Mood.Emotion"/>, and when that changed it shows the emotion's expression (or clears
/// the mood's layer when the emotion has none). A change that fails (VTube Studio not connected, no
/// such expression) is tried again at the next check and logged once.
/// </summary>
internal sealed class MoodFace : IAsyncDisposable
{
    private readonly BotMood _mood;
    private readonly Func<string, CancellationToken, Task<bool>> _show;
    private readonly Action _clear;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private Task _check = Task.CompletedTask;
    private string? _shown;
    private string? _lastFailure;

    /// <param name="mood">The mood followed.</param>
    /// <param name="show">Shows an emotion's expression; <see langword="false"/> when the emotion has none.</param>
    /// <param name="clear">Takes the mood's expression away.</param>
    /// <param name="time">The clock of the checks.</param>
    /// <param name="every">How often the mood is read.</param>
    /// <param name="logger">Where failed changes are logged.</param>
    public MoodFace(BotMood mood, Func<string, CancellationToken, Task<bool>> show, Action clear, TimeProvider time, TimeSpan every, ILogger logger)
    {
        (_mood, _show, _clear, _logger) = (mood, show, clear, logger);
        _timer = time.CreateTimer(static state => ((MoodFace)state!).Tick(), this, TimeSpan.Zero, every);
    }

    /// <summary>The emotion whose expression shows (or was cleared for), once a check succeeded.</summary>
    public string? Shown => Volatile.Read(ref _shown);

    /// <summary>Completes when the check in progress (if any) is done.</summary>
    public Task WhenCheckedAsync()
    {
        lock (_gate)
        {
            return _check;
        }
    }

    /// <summary>Stops checking and waits for a check in progress.</summary>
    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        await WhenCheckedAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (_check.IsCompleted && !_stop.IsCancellationRequested)
            {
                _check = CheckAsync();
            }
        }
    }

    private async Task CheckAsync()
    {
        var emotion = _mood.Current.Emotion;
        if (emotion == Shown)
        {
            return;
        }

        try
        {
            if (!await _show(emotion, _stop.Token).ConfigureAwait(false))
            {
                _clear();
            }

            Volatile.Write(ref _shown, emotion);
            _lastFailure = null;
        }
        catch (Exception ex) when (ex is VTubeStudioException or OperationCanceledException)
        {
            // Tried again at every check; said once until something changes.
            if (ex.Message != _lastFailure)
            {
                _lastFailure = ex.Message;
                VTubeStudioLog.AvatarActionFailed(_logger, ex.Message);
            }
        }
    }
}
