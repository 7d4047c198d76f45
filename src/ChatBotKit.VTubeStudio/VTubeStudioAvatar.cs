using ChatBotKit.Prompting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.VTubeStudio;

/// <summary>
/// The bot's avatar in VTube Studio, all in one: the connection (<see cref="Client"/>),
/// expressions by priority (<see cref="Expressions"/>), motions in a queue (<see cref="Motions"/>),
/// lip sync (<see cref="LipSync"/>), and lookups by the names chat and the emotion map use. A
/// script starts it with <c>OnStart(avatar.StartAsync)</c> and stops it with <c>OnStop(avatar.StopAsync)</c>.
/// </summary>
public sealed class VTubeStudioAvatar : IAsyncDisposable
{
    private readonly AvatarCatalog _catalog;
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private Task? _watch;
    private MoodFace? _moodFace;

    /// <summary>Creates the avatar; nothing connects until <see cref="StartAsync"/>.</summary>
    /// <param name="options">How to reach VTube Studio; default <c>ws://localhost:8001</c>.</param>
    /// <param name="settings">Names, priorities and durations; default <see cref="VTubeStudioAvatarOptions"/>.</param>
    /// <param name="logger">Where connection changes and failed actions are logged (a script passes <c>Log</c>).</param>
    /// <param name="timeProvider">The clock for durations, lip sync and backoff.</param>
    public VTubeStudioAvatar(VTubeStudioOptions? options = null, VTubeStudioAvatarOptions? settings = null, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        Settings = settings ?? new VTubeStudioAvatarOptions();
        _logger = logger ?? NullLogger.Instance;
        var time = timeProvider ?? TimeProvider.System;
        _time = time;
        Client = new VTubeStudioClient(options, null, _logger, time);
        var driver = new VTubeStudioDriver(Client, Settings.Fade);
        Expressions = new AvatarExpressions(driver, time, _logger);
        Motions = new AvatarMotions(driver, time, _logger);
        LipSync = new LipSyncInjector(Client, Settings.LipSync, time, _logger);
        _catalog = new AvatarCatalog(Client, Settings);
    }

    /// <summary>The connection to VTube Studio, for requests this class does not make.</summary>
    public VTubeStudioClient Client { get; }

    /// <summary>The expression shown, by priority.</summary>
    public AvatarExpressions Expressions { get; }

    /// <summary>The motions waiting to play.</summary>
    public AvatarMotions Motions { get; }

    /// <summary>Moves the mouth with the bot's voice.</summary>
    public LipSyncInjector LipSync { get; }

    /// <summary>Names, priorities and durations.</summary>
    public VTubeStudioAvatarOptions Settings { get; }

    /// <summary>Starts connecting (in the background; VTube Studio need not be running) and watches for model changes.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await Client.StartAsync(cancellationToken).ConfigureAwait(false);
        _watch ??= Task.Run(WatchModelAsync, CancellationToken.None);
    }

    /// <summary>Disconnects; the same as <see cref="DisposeAsync"/>, in the shape a script's <c>OnStop</c> takes.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default) => await DisposeAsync().ConfigureAwait(false);

    /// <summary>
    /// Shows the expression chat or code calls <paramref name="nameOrNumber"/> (a configured name, the
    /// model's expression name or file, its number in the model's list, or a toggle hotkey) at
    /// <paramref name="priority"/> for <paramref name="duration"/>.
    /// </summary>
    /// <returns>The expression that will show.</returns>
    /// <exception cref="VTubeStudioException">No such expression (the message lists those that exist), or VTube Studio cannot be asked.</exception>
    public async Task<AvatarExpression> ShowExpressionAsync(string nameOrNumber, int priority, TimeSpan? duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrNumber);
        var expression = await _catalog.FindExpressionAsync(nameOrNumber.Trim(), cancellationToken).ConfigureAwait(false);
        Expressions.Show(expression, priority, duration);
        return expression;
    }

    /// <summary>Queues the motion called <paramref name="name"/> (configured, or an animation hotkey of the model).</summary>
    /// <returns><see langword="false"/> when the queue is full.</returns>
    /// <exception cref="VTubeStudioException">No such motion (the message lists those that exist), or VTube Studio cannot be asked.</exception>
    public async Task<bool> PlayMotionAsync(string name, int priority = 0, bool loop = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var motion = await _catalog.FindMotionAsync(name.Trim(), cancellationToken).ConfigureAwait(false);
        return Motions.Play(motion, priority, loop);
    }

    /// <summary>
    /// Shows the expression <see cref="VTubeStudioAvatarOptions.Emotions"/> maps <paramref name="emotion"/>
    /// to, at the emotion priority for the emotion duration.
    /// </summary>
    /// <returns><see langword="false"/> when the emotion is not mapped (nothing changes).</returns>
    public async Task<bool> ShowEmotionAsync(string emotion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emotion);
        if (ExpressionOf(emotion) is not { } mapped)
        {
            return false;
        }

        await ShowExpressionAsync(mapped, Settings.EmotionPriority, Settings.EmotionDuration, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Shows the bot's mood as the avatar's resting face: the expression <see cref="VTubeStudioAvatarOptions.Emotions"/>
    /// maps <see cref="Mood.Emotion"/> to, at <see cref="VTubeStudioAvatarOptions.MoodPriority"/> with no end,
    /// beneath chat's commands and the emotions the bot speaks with. The mood is read every
    /// <paramref name="checkEvery"/> (default 5 seconds); an emotion without an expression clears the layer.
    /// </summary>
    public void FollowMood(BotMood mood, TimeSpan? checkEvery = null)
    {
        ArgumentNullException.ThrowIfNull(mood);
        if (_moodFace is not null)
        {
            throw new InvalidOperationException("The avatar already follows a mood.");
        }

        _moodFace = new MoodFace(mood, ShowMoodAsync, () => Expressions.Clear(Settings.MoodPriority), _time, checkEvery ?? TimeSpan.FromSeconds(5), _logger);
    }

    /// <summary>Stops the expressions, motions and the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_moodFace is not null)
        {
            await _moodFace.DisposeAsync().ConfigureAwait(false);
        }

        await Motions.DisposeAsync().ConfigureAwait(false);
        await Expressions.DisposeAsync().ConfigureAwait(false);
        await Client.DisposeAsync().ConfigureAwait(false);
        if (_watch is not null)
        {
            await _watch.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private string? ExpressionOf(string emotion) =>
        Settings.Emotions.FirstOrDefault(e => string.Equals(e.Key, emotion.Trim(), StringComparison.OrdinalIgnoreCase)).Value;

    private async Task<bool> ShowMoodAsync(string emotion, CancellationToken cancellationToken)
    {
        if (ExpressionOf(emotion) is not { } mapped)
        {
            return false;
        }

        await ShowExpressionAsync(mapped, Settings.MoodPriority, null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task WatchModelAsync()
    {
        try
        {
            await Client.SubscribeAsync("ModelLoadedEvent", cancellationToken: _stop.Token).ConfigureAwait(false);
            await foreach (var loaded in Client.ReadEventsAsync(_stop.Token).ConfigureAwait(false))
            {
                if (loaded.Name == "ModelLoadedEvent")
                {
                    _catalog.Forget();
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (VTubeStudioException ex)
        {
            VTubeStudioLog.AvatarActionFailed(_logger, ex.Message);
        }
    }
}
