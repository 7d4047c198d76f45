namespace ChatBotKit.Speech.Audio;

/// <summary>
/// Keeps every utterance in memory: for tests, and for code that wants the audio itself. By default
/// it takes audio as fast as it comes; with <c>playsInRealTime</c> the pipeline paces it like a
/// sound server, on the pipeline's <see cref="TimeProvider"/>.
/// </summary>
public sealed class InMemoryAudioSink : IAudioSink
{
    private readonly List<RecordedUtterance> _utterances = [];
    private readonly List<short> _current = [];
    private readonly List<TaskCompletionSource> _waiters = [];
    private int _currentRate;
    private bool _inUtterance;

    /// <summary>Creates the sink; <paramref name="playsInRealTime"/> makes the pipeline pace its writes.</summary>
    public InMemoryAudioSink(bool playsInRealTime = false) => PlaysInRealTime = playsInRealTime;

    /// <inheritdoc />
    public bool PlaysInRealTime { get; }

    /// <summary>The utterances that ended so far, in the order they were played.</summary>
    public IReadOnlyList<RecordedUtterance> Utterances
    {
        get
        {
            lock (_utterances)
            {
                return [.. _utterances];
            }
        }
    }

    /// <summary>Samples written to the utterance being played now (0 between utterances).</summary>
    public int CurrentSamples
    {
        get
        {
            lock (_utterances)
            {
                return _current.Count;
            }
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> utterances have ended.</summary>
    public Task WaitForUtterancesAsync(int count, CancellationToken cancellationToken = default)
    {
        lock (_utterances)
        {
            if (_utterances.Count >= count)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add(waiter);
            return WaitAsync(waiter, count, cancellationToken);
        }
    }

    /// <inheritdoc />
    public ValueTask BeginUtteranceAsync(int sampleRate, CancellationToken cancellationToken = default)
    {
        lock (_utterances)
        {
            _currentRate = sampleRate;
            _current.Clear();
            _inUtterance = true;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken = default)
    {
        lock (_utterances)
        {
            _current.AddRange(samples.Span);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask EndUtteranceAsync(CancellationToken cancellationToken = default)
    {
        List<TaskCompletionSource> waiters;
        lock (_utterances)
        {
            if (!_inUtterance)
            {
                return ValueTask.CompletedTask;
            }

            _utterances.Add(new RecordedUtterance(_currentRate, [.. _current]));
            _current.Clear();
            _inUtterance = false;
            waiters = [.. _waiters];
            _waiters.Clear();
        }

        waiters.ForEach(w => w.TrySetResult());
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task WaitAsync(TaskCompletionSource waiter, int count, CancellationToken cancellationToken)
    {
        await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        await WaitForUtterancesAsync(count, cancellationToken).ConfigureAwait(false);
    }
}
