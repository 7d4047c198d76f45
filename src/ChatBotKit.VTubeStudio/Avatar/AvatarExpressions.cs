using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.VTubeStudio;

/// <summary>
/// The avatar's expression, decided by priority: each priority holds at most one expression, the
/// highest priority shows, and when its duration ends the one beneath it returns (or none). Changes
/// reach the driver in order on one background loop; callers never wait for VTube Studio.
/// </summary>
public sealed class AvatarExpressions : IAsyncDisposable
{
    private readonly IAvatarDriver _driver;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, Layer> _layers = [];
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Task _loop;
    private AvatarExpression? _shown;

    /// <summary>Starts the loop that applies changes through <paramref name="driver"/>.</summary>
    public AvatarExpressions(IAvatarDriver driver, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        _driver = driver ?? throw new ArgumentNullException(nameof(driver));
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _loop = Task.Run(ApplyChangesAsync);
    }

    /// <summary>The expression that should show now: the one with the highest priority.</summary>
    public AvatarExpression? Current
    {
        get
        {
            lock (_gate)
            {
                return Top();
            }
        }
    }

    /// <summary>
    /// Shows <paramref name="expression"/> at <paramref name="priority"/>, replacing what that
    /// priority held, for <paramref name="duration"/> (<see langword="null"/>: until replaced or
    /// cleared). Beneath a higher priority it waits, and shows if it is still due when that ends.
    /// </summary>
    public void Show(AvatarExpression expression, int priority = 0, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        lock (_gate)
        {
            Remove(priority);
            var layer = new Layer(expression);
            if (duration is { } lasting)
            {
                layer.Expiry = _time.CreateTimer(_ => Expire(priority, layer), null, lasting, Timeout.InfiniteTimeSpan);
            }

            _layers[priority] = layer;
        }

        _changed.Writer.TryWrite(true);
    }

    /// <summary>Takes the expression at <paramref name="priority"/> away; the next one down returns.</summary>
    public void Clear(int priority)
    {
        lock (_gate)
        {
            Remove(priority);
        }

        _changed.Writer.TryWrite(true);
    }

    /// <summary>Stops applying changes; the expression shown stays as it is.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var priority in _layers.Keys.ToList())
            {
                Remove(priority);
            }
        }

        _changed.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private void Expire(int priority, Layer layer)
    {
        lock (_gate)
        {
            if (!_layers.TryGetValue(priority, out var current) || current != layer)
            {
                return;
            }

            Remove(priority);
        }

        _changed.Writer.TryWrite(true);
    }

    private void Remove(int priority)
    {
        if (_layers.Remove(priority, out var old))
        {
            old.Expiry?.Dispose();
        }
    }

    private AvatarExpression? Top() => _layers.Count == 0 ? null : _layers.Last().Value.Expression;

    private async Task ApplyChangesAsync()
    {
        await foreach (var _ in _changed.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            AvatarExpression? wanted;
            lock (_gate)
            {
                wanted = Top();
            }

            if (wanted == _shown)
            {
                continue;
            }

            // The new one goes on first so the face never passes through neutral between two expressions.
            var previous = _shown;
            _shown = wanted;
            await ApplyAsync(wanted, active: true).ConfigureAwait(false);
            await ApplyAsync(previous, active: false).ConfigureAwait(false);
        }
    }

    private async Task ApplyAsync(AvatarExpression? expression, bool active)
    {
        if (expression is null)
        {
            return;
        }

        try
        {
            await _driver.SetExpressionAsync(expression, active).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is VTubeStudioException or OperationCanceledException)
        {
            VTubeStudioLog.AvatarActionFailed(_logger, ex.Message);
        }
    }

    private sealed class Layer(AvatarExpression expression)
    {
        public AvatarExpression Expression { get; } = expression;

        public ITimer? Expiry { get; set; }
    }
}
