using ChatBotKit.Speech;
using ChatBotKit.Time;

namespace ChatBotKit.VTubeStudio.Tests.LipSync;

/// <summary>Lip sync against the fake VTube Studio, on a clock the test moves one frame at a time.</summary>
public sealed class LipSyncInjectorTests : VTubeStudioTestBase
{
    private static readonly TimeSpan Frame = TimeSpan.FromSeconds(1 / 30.0);
    private readonly VirtualClock _clock = new();

    protected override TimeProvider Clock => _clock;

    [Fact]
    public async Task Speak_ChangingEnvelope_InjectsMouthOpenEveryFrameInStepWithPlaybackThenCloses()
    {
        var client = await ConnectedClientAsync();
        var envelope = MouthEnvelope.FromLevels([.. Enumerable.Range(0, 100).Select(i => i / 100f)], TimeSpan.FromMilliseconds(10));
        var lipSync = new LipSyncInjector(client, timeProvider: _clock);
        var playbackStarted = _clock.GetTimestamp() - TimeSpan.FromMilliseconds(100).Ticks;

        var speaking = lipSync.SpeakAsync(envelope, playbackStarted);
        var expected = new List<double>();
        for (var frame = 0; TimeSpan.FromMilliseconds(100) + (Frame * frame) < envelope.Duration; frame++)
        {
            expected.Add(envelope.LevelAt(TimeSpan.FromMilliseconds(100) + (Frame * frame)));
            await Vts.WaitForAsync("InjectParameterDataRequest", frame + 1);
            _clock.Advance(Frame);
        }

        await Vts.WaitForAsync("InjectParameterDataRequest", expected.Count + 1);
        await speaking.WaitAsync(TimeSpan.FromSeconds(30));
        var injected = Vts.Requests.Where(r => r.MessageType == "InjectParameterDataRequest").ToList();
        injected.Should().HaveCount(expected.Count + 1);
        injected.Select(r => r.Data["parameterValues"]![0]!["id"]!.GetValue<string>()).Should().OnlyContain(id => id == "MouthOpen");
        injected.Select(r => r.Data["parameterValues"]![0]!["value"]!.GetValue<double>()).Should().Equal([.. expected, 0.0], (a, b) => Math.Abs(a - b) < 1e-6);
        expected.Should().HaveCount(28, "playback started 100 ms ago, so frames fall at 100 ms + k × 33.3 ms for k = 0…27 before the envelope ends at 1 s");
        injected.Zip(injected.Skip(1), (a, b) => b.At - a.At).Should().OnlyContain(gap => gap.Ticks >= Frame.Ticks - 1 && gap.Ticks <= Frame.Ticks + 1);
    }

    [Fact]
    public async Task Speak_Interrupted_ClosesTheMouthAndThrows()
    {
        var client = await ConnectedClientAsync();
        var envelope = MouthEnvelope.FromLevels([0.9f, 0.8f, 0.7f], TimeSpan.FromSeconds(1));
        var lipSync = new LipSyncInjector(client, timeProvider: _clock);
        using var interrupt = new CancellationTokenSource();

        var speaking = lipSync.SpeakAsync(envelope, cancellationToken: interrupt.Token);
        (await Vts.WaitForAsync("InjectParameterDataRequest")).Data["parameterValues"]![0]!["value"]!.GetValue<double>().Should().BeApproximately(0.9, 1e-6);
        await interrupt.CancelAsync();

        await speaking.Invoking(s => s).Should().ThrowAsync<OperationCanceledException>();
        (await Vts.WaitForAsync("InjectParameterDataRequest", 2)).Data["parameterValues"]![0]!["value"]!.GetValue<double>().Should().Be(0);
    }

    [Fact]
    public async Task Speak_VTubeStudioNotConnected_SkipsFramesAndStillFinishes()
    {
        var client = NewClient(Options with { Endpoint = new Uri("ws://127.0.0.1:9/") }, _clock);
        var lipSync = new LipSyncInjector(client, timeProvider: _clock);

        var speaking = lipSync.SpeakAsync(MouthEnvelope.FromLevels([0.5f], TimeSpan.FromMilliseconds(50)));
        _clock.Advance(Frame);
        _clock.Advance(Frame);

        await speaking.WaitAsync(TimeSpan.FromSeconds(30));
        Vts.Requests.Should().BeEmpty();
    }

    private async Task<VTubeStudioClient> ConnectedClientAsync()
    {
        KeepValidToken();
        var client = NewClient(time: _clock);
        await client.StartAsync();
        await client.GetCurrentModelAsync();
        return client;
    }
}
