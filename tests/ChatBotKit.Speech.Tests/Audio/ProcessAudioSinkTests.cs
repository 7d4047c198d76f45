using System.Diagnostics;
using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Tests.Fakes;
using ChatBotKit.Tests.Sources;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Speech.Tests.Audio;

public sealed class ProcessAudioSinkTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("speech-sink-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task WriteAsync_TwoUtterances_GoToOnePlayerResampledToItsRate()
    {
        var output = Path.Combine(_folder, "out.raw");
        var sink = new ProcessAudioSink(Player($"cat > '{output}'", sampleRate: 16_000));

        await PlayAsync(sink, Tone.Make(400, TimeSpan.FromMilliseconds(500)));
        var first = sink.PlayerProcessId;
        await PlayAsync(sink, Tone.Make(400, TimeSpan.FromMilliseconds(500)));
        sink.PlayerProcessId.Should().Be(first, "one player serves the whole session");
        await sink.DisposeAsync();

        var bytes = await File.ReadAllBytesAsync(output);
        bytes.Length.Should().BeCloseTo(16_000 * 2, 8, "one second at 16 kHz, 16-bit");
        var samples = Enumerable.Range(0, bytes.Length / 2).Select(i => BitConverter.ToInt16(bytes, i * 2)).ToList();
        Tone.FrequencyOf(samples, 16_000).Should().BeApproximately(400, 5);
    }

    [Fact]
    public async Task WriteAsync_PlayerDies_IsStartedAgainAndTheGapIsLogged()
    {
        var output = Path.Combine(_folder, "out.raw");
        var log = new LogCapture();
        var sink = new ProcessAudioSink(Player($"head -c 3200 >> '{output}'", sampleRate: 8000) with { RestartDelay = TimeSpan.Zero }, log.CreateLogger<ProcessAudioSink>());
        await sink.BeginUtteranceAsync(8000);
        var chunk = Tone.Make(400, TimeSpan.FromMilliseconds(100)).Samples;

        var firstPlayer = await WriteUntilAsync(sink, chunk, () => sink.PlayerProcessId is not null);
        await WriteUntilAsync(sink, chunk, () => sink.PlayerProcessId is { } id && id != firstPlayer);
        await sink.DisposeAsync();

        log.Entries.Should().Contain(e => e.EventId == 1107).And.Contain(e => e.EventId == 1108 && e.Message.Contains("gap"));
        new FileInfo(output).Length.Should().BeGreaterThan(3200, "the second player played too");
    }

    [Fact]
    public async Task DisposeAsync_LeavesNoPlayerProcessRunning()
    {
        var sink = new ProcessAudioSink(Player("cat > /dev/null", sampleRate: 8000));
        await PlayAsync(sink, Tone.Make(400, TimeSpan.FromMilliseconds(100)));
        var id = sink.PlayerProcessId!.Value;

        await sink.DisposeAsync();

        sink.PlayerProcessId.Should().BeNull();
        IsRunning(id).Should().BeFalse();
    }

    [Fact]
    public async Task WriteAsync_PlayerNotInstalled_LogsWhatToInstallAndDropsTheAudio()
    {
        var log = new LogCapture();
        await using var sink = new ProcessAudioSink(new ProcessAudioSinkOptions { Program = "/nonexistent/pacat" }, log.CreateLogger<ProcessAudioSink>());

        await PlayAsync(sink, Tone.Make(400, TimeSpan.FromMilliseconds(100)));
        await PlayAsync(sink, Tone.Make(400, TimeSpan.FromMilliseconds(100)));

        log.Entries.Should().ContainSingle(e => e.EventId == 1109).Which.Message.Should().Contain("pulseaudio-utils");
    }

    [Fact]
    public void Arguments_ForPacatAndPwCat_NameTheDeviceRateAndLatency()
    {
        new ProcessAudioSinkOptions { Device = "streambot" }.ResolveArguments().Should().Contain(["--raw", "--format=s16le", "--rate=48000", "--channels=1", "--latency-msec=100", "--device=streambot"]);
        new ProcessAudioSinkOptions { Program = "/usr/bin/pw-cat", Device = "streambot" }.ResolveArguments().Should().ContainInConsecutiveOrder("--target", "streambot");
        var other = () => new ProcessAudioSinkOptions { Program = "aplay" }.ResolveArguments();
        other.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("ProcessAudioSinkOptions.Arguments");
    }

    private static ProcessAudioSinkOptions Player(string shell, int sampleRate) =>
        new() { Program = "/bin/sh", Arguments = ["-c", shell], SampleRate = sampleRate };

    private static async Task PlayAsync(IAudioSink sink, PcmAudio audio)
    {
        await sink.BeginUtteranceAsync(audio.SampleRate);
        await sink.WriteAsync(audio.Samples);
        await sink.EndUtteranceAsync();
    }

    private static async Task<int?> WriteUntilAsync(ProcessAudioSink sink, ReadOnlyMemory<short> chunk, Func<bool> condition)
    {
        for (var i = 0; i < 2000 && !condition(); i++)
        {
            await sink.WriteAsync(chunk);
        }

        condition().Should().BeTrue();
        return sink.PlayerProcessId;
    }

    private static bool IsRunning(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
