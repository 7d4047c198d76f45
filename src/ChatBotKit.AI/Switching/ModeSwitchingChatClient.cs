using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using ChatBotKit.AI.Errors;
using ChatBotKit.AI.Policies;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.AI.Switching;

/// <summary>
/// Switches the bot between ways of writing replies at runtime, without a restart: an external API,
/// a local LLM, offline templates (<see cref="LlmMode"/>s, in order of preference). A call goes to
/// the first mode that is not resting; a mode that fails (an <see cref="LlmException"/>, an
/// unreachable server, a timeout) rests for <see cref="RestAfterFailure"/> while the next one
/// answers, and is tried again when its rest is over, so the bot returns to it once it recovers. A
/// streamed call moves on only if the mode failed before its first update (as the fallback policy
/// does). <see cref="Use"/> makes the streamer's choice the first mode tried, with the modes after
/// it as fallbacks; <see cref="UseAutomatic"/> goes back to the full order. Give the modes a
/// timeout shorter than the bot's LLM timeout, so that one that hangs is left for the next.
/// </summary>
public sealed class ModeSwitchingChatClient : IChatClient
{
    private readonly LlmMode[] _modes;
    private readonly IChatClient[] _clients;
    private readonly DateTimeOffset[] _restingUntil;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private int _first;
    private int _answering;

    /// <summary>Creates the switch over <paramref name="modes"/>, most preferred first; it disposes their clients.</summary>
    /// <param name="modes">The modes, most preferred first.</param>
    /// <param name="restAfterFailure">How long a mode that failed is left alone; default 30 seconds.</param>
    /// <param name="modeTimeout">How long one mode may take (a stream as a whole) before it counts as failed; <see langword="null"/> (the default) sets no limit of its own.</param>
    /// <param name="timeProvider">The clock for rests and timeouts.</param>
    /// <param name="logger">Where failures and switches are logged.</param>
    /// <exception cref="ArgumentException">No modes, an empty name, or a name used twice.</exception>
    public ModeSwitchingChatClient(IEnumerable<LlmMode> modes, TimeSpan? restAfterFailure = null, TimeSpan? modeTimeout = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(modes);
        _modes = [.. modes];
        if (_modes.Length == 0)
        {
            throw new ArgumentException("Give at least one mode.", nameof(modes));
        }

        foreach (var mode in _modes)
        {
            ArgumentNullException.ThrowIfNull(mode);
            ArgumentException.ThrowIfNullOrWhiteSpace(mode.Name, nameof(modes));
            ArgumentNullException.ThrowIfNull(mode.Client, nameof(modes));
            if (_modes.Count(m => string.Equals(m.Name, mode.Name, StringComparison.OrdinalIgnoreCase)) > 1)
            {
                throw new ArgumentException($"The mode name '{mode.Name}' is used twice.", nameof(modes));
            }
        }

        RestAfterFailure = restAfterFailure ?? TimeSpan.FromSeconds(30);
        ArgumentOutOfRangeException.ThrowIfLessThan(RestAfterFailure, TimeSpan.Zero, nameof(restAfterFailure));
        _restingUntil = new DateTimeOffset[_modes.Length];
        _time = timeProvider ?? TimeProvider.System;
        _clients = [.. _modes.Select(m => modeTimeout is { } limit ? new TimeoutChatClient(m.Client, limit, _time) : m.Client)];
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The modes, most preferred first.</summary>
    public IReadOnlyList<LlmMode> Modes => _modes;

    /// <summary>How long a mode that failed is left alone before it is tried again. Default 30 seconds.</summary>
    public TimeSpan RestAfterFailure { get; }

    /// <summary>The mode the streamer chose with <see cref="Use"/>, or <see langword="null"/> while the switch chooses.</summary>
    public string? ChosenMode
    {
        get
        {
            lock (_gate)
            {
                return _first == 0 ? null : _modes[_first].Name;
            }
        }
    }

    /// <summary>The mode the next call goes to: the first one, from the chosen mode on, that is not resting.</summary>
    public string CurrentMode => _modes[Candidates()[0]].Name;

    /// <summary>Raised when the mode that answers changes (on the thread of the call that noticed).</summary>
    public event EventHandler<LlmModeChanged>? ModeChanged;

    /// <summary>Makes <paramref name="name"/> the first mode tried, at once; the modes after it stay fallbacks.</summary>
    /// <exception cref="ArgumentException">There is no such mode; the message lists those that exist.</exception>
    public void Use(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var index = Array.FindIndex(_modes, m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            throw new ArgumentException($"There is no LLM mode '{name}'. Modes: {string.Join(", ", _modes.Select(m => m.Name))}.", nameof(name));
        }

        lock (_gate)
        {
            _first = index;
            _restingUntil[index] = default;
        }

        Switched(index, "manual");
    }

    /// <summary>Lets the switch choose again: the most preferred mode that is not resting answers.</summary>
    public void UseAutomatic()
    {
        lock (_gate)
        {
            _first = 0;
        }

        Switched(Candidates()[0], "automatic");
    }

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        FirstThatAnswersAsync(client => client.GetResponseAsync(messages, options, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamAsync(messages, options, cancellationToken);

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this)
            ? this
            : _clients[Candidates()[0]].GetService(serviceType, serviceKey);
    }

    /// <summary>Disposes every mode's client.</summary>
    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(messages, options, cancellationToken).ConfigureAwait(false);
        await foreach (var update in StreamStart.ContinueAsync(opened.Enumerator, opened.HasFirst).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private Task<(IAsyncEnumerator<ChatResponseUpdate> Enumerator, bool HasFirst)> OpenAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken) =>
        FirstThatAnswersAsync(client => StreamStart.OpenAsync(client, messages, options, cancellationToken), cancellationToken);

    // Asks the modes in turn until one answers; each that fails rests. All failed: the last failure is thrown.
    private async Task<T> FirstThatAnswersAsync<T>(Func<IChatClient, Task<T>> call, CancellationToken cancellationToken)
    {
        ExceptionDispatchInfo? failure = null;
        foreach (var index in Candidates())
        {
            try
            {
                var answer = await call(_clients[index]).ConfigureAwait(false);
                Answered(index);
                return answer;
            }
            catch (Exception ex) when (IsModeFailure(ex, cancellationToken))
            {
                Failed(index, ex);
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        }

        failure!.Throw();
        throw new InvalidOperationException("unreachable");
    }

    // The modes to try, in order: from the chosen one on, those not resting; all of them if every one rests.
    private int[] Candidates()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var awake = Enumerable.Range(_first, _modes.Length - _first).Where(i => _restingUntil[i] <= now).ToArray();
            return awake.Length > 0 ? awake : [.. Enumerable.Range(_first, _modes.Length - _first)];
        }
    }

    private static bool IsModeFailure(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested &&
        ex is LlmException or HttpRequestException or TimeoutException or OperationCanceledException;

    private void Failed(int index, Exception ex)
    {
        lock (_gate)
        {
            _restingUntil[index] = _time.GetUtcNow() + RestAfterFailure;
        }

        ModeSwitchLog.ModeFailed(_logger, _modes[index].Name, LlmFailures.TagOf(LlmFailures.KindOf(ex)), RestAfterFailure);
    }

    private void Answered(int index)
    {
        int before;
        lock (_gate)
        {
            _restingUntil[index] = default;
            before = _answering;
        }

        if (before != index)
        {
            Switched(index, index < before ? "recovered" : "failover");
        }
    }

    private void Switched(int index, string reason)
    {
        string from;
        lock (_gate)
        {
            from = _modes[_answering].Name;
            _answering = index;
        }

        ModeSwitchLog.ModeChanged(_logger, _modes[index].Name, from, reason);
        ModeChanged?.Invoke(this, new LlmModeChanged(from, _modes[index].Name, reason));
    }
}
