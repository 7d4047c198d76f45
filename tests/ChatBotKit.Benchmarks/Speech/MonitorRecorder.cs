using System.Buffers.Binary;
using System.Diagnostics;

namespace ChatBotKit.Benchmarks.Speech;

/// <summary>
/// Records a PulseAudio source (a null sink's monitor) with <c>parec</c> and keeps, as a
/// <see cref="Stopwatch"/> timestamp, when the last loud sample arrived. A sample's time is when
/// its chunk was read less the samples after it, so it errs late by parec's 10 ms latency.
/// </summary>
internal sealed class MonitorRecorder : IAsyncDisposable
{
    private const int Rate = 48_000;
    private const short Loud = 500;
    private readonly Process _parec;
    private readonly Task _reading;
    private long _lastLoud;

    private MonitorRecorder(string source)
    {
        var start = new ProcessStartInfo("parec") { RedirectStandardOutput = true };
        foreach (var argument in (string[])["-d", source, "--raw", "--format=s16le", $"--rate={Rate}", "--channels=1", "--latency-msec=10"])
        {
            start.ArgumentList.Add(argument);
        }

        _parec = Process.Start(start) ?? throw new InvalidOperationException("parec did not start");
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>When the last loud sample arrived (0 before any).</summary>
    public long LastLoud => Interlocked.Read(ref _lastLoud);

    public static MonitorRecorder Start(string source) => new(source);

    /// <summary>Waits (up to 10 s) until a loud sample arrived after <paramref name="timestamp"/>.</summary>
    public async Task WaitUntilLoudAfterAsync(long timestamp)
    {
        var waited = Stopwatch.StartNew();
        while (LastLoud <= timestamp)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException("no sound reached the monitor within 10 s; is the null sink loaded and the sound server running?");
            }

            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _parec.Kill();
        await _parec.WaitForExitAsync().ConfigureAwait(false);
        await _reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _parec.Dispose();
    }

    private async Task ReadAsync()
    {
        var stream = _parec.StandardOutput.BaseStream;
        var buffer = new byte[4096];
        var carry = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(carry)).ConfigureAwait(false)) > 0)
        {
            var now = Stopwatch.GetTimestamp();
            var length = carry + read;
            var samples = length / 2;
            for (var i = samples - 1; i >= 0; i--)
            {
                if (Math.Abs((int)BinaryPrimitives.ReadInt16LittleEndian(buffer.AsSpan(i * 2))) > Loud)
                {
                    var after = (samples - 1 - i) * Stopwatch.Frequency / Rate;
                    Interlocked.Exchange(ref _lastLoud, now - after);
                    break;
                }
            }

            carry = length % 2;
            if (carry == 1)
            {
                buffer[0] = buffer[length - 1];
            }
        }
    }
}
