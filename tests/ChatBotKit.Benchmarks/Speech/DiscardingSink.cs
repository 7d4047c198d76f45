using ChatBotKit.Speech.Audio;

namespace ChatBotKit.Benchmarks.Speech;

/// <summary>A sink that throws the audio away and notes when the first samples of an utterance arrived.</summary>
internal sealed class DiscardingSink(bool playsInRealTime) : IAudioSink
{
    private TaskCompletionSource<long> _firstWrite = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool PlaysInRealTime => playsInRealTime;

    /// <summary>Completes with the <see cref="System.Diagnostics.Stopwatch"/> timestamp of the next utterance's first write.</summary>
    public Task<long> FirstWrite => _firstWrite.Task;

    public void Reset() => _firstWrite = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask BeginUtteranceAsync(int sampleRate, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken = default)
    {
        _firstWrite.TrySetResult(System.Diagnostics.Stopwatch.GetTimestamp());
        return ValueTask.CompletedTask;
    }

    public ValueTask EndUtteranceAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
