using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ChatBotKit.Speech.Audio;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Speech.Tests.Fakes;

/// <summary>
/// A text-to-speech client that answers the phrase "tone N" with a sine of 200 + 100·N Hz. Each call
/// waits for its gate when the test holds gates, so the test decides in which order syntheses finish;
/// "fail" throws; it counts how many calls run at once.
/// </summary>
public sealed class ToneSpeechClient(TimeSpan? length = null, bool holdGates = false) : ITextToSpeechClient
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentQueue<string> _started = new();
    private readonly TimeSpan _length = length ?? TimeSpan.FromMilliseconds(200);
    private int _running;
    private int _maxRunning;
    private int _calls;
    private int _cancelled;

    /// <summary>The texts asked for, in the order the calls came.</summary>
    public IReadOnlyList<string> Started => [.. _started];

    public int MaxConcurrent => Volatile.Read(ref _maxRunning);

    public int Calls => Volatile.Read(ref _calls);

    public int Cancelled => Volatile.Read(ref _cancelled);

    public int Running => Volatile.Read(ref _running);

    public bool Disposed { get; private set; }

    public static double FrequencyFor(int n) => 200 + (100 * n);

    public void Release(string text) => Gate(text).TrySetResult();

    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        _started.Enqueue(text);
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxRunning, running);
        try
        {
            if (holdGates)
            {
                await Gate(text).Task.WaitAsync(cancellationToken);
            }

            if (text.StartsWith("fail", StringComparison.Ordinal))
            {
                throw new SpeechException($"the fake refuses '{text}'");
            }

            var n = text.StartsWith("tone ", StringComparison.Ordinal) ? int.Parse(text[5..], System.Globalization.CultureInfo.InvariantCulture) : 1;
            var wav = WavEncoder.Encode(Tone.Make(FrequencyFor(n), _length));
            return new TextToSpeechResponse([new DataContent(wav, "audio/wav")]);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _cancelled);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetAudioAsync(text, options, cancellationToken)).ToTextToSpeechResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() => Disposed = true;

    private TaskCompletionSource Gate(string text) => _gates.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
