using ChatBotKit.Speech;
namespace ChatBotKit.VTubeStudio.Tests;

/// <summary>The C# examples of docs/vtuber.md, run against the fake VTube Studio.</summary>
public sealed class DocsExamplesTests : VTubeStudioTestBase
{
    [Fact]
    public async Task ExpressionsMotionsAndLipSyncExamples_Run()
    {
        KeepValidToken();
        Vts.Expressions = [new System.Text.Json.Nodes.JsonObject { ["name"] = "happy", ["file"] = "happy.exp3.json", ["active"] = false }];
        var avatar = Own(new VTubeStudioAvatar(Options, new VTubeStudioAvatarOptions
        {
            Motions = new Dictionary<string, AvatarMotion> { ["wave"] = new("wave", "My second hotkey", TimeSpan.FromSeconds(1)) },
        }));
        await avatar.StartAsync();
        var cancellationToken = CancellationToken.None;

        var neutral = AvatarExpression.FromFile("neutral", "neutral.exp3.json");
        var blush = AvatarExpression.FromHotkey("blush", "Blush toggle");
        avatar.Expressions.Show(neutral);                                          // priority 0, no end
        avatar.Expressions.Show(blush, priority: 5, TimeSpan.FromSeconds(3));      // over it for 3 s
        await avatar.ShowExpressionAsync("happy", priority: 1, TimeSpan.FromSeconds(10));

        avatar.Motions.Play(new AvatarMotion("idle", "Idle sway", TimeSpan.FromSeconds(4)), loop: true);
        await avatar.PlayMotionAsync("wave", priority: 2);
        avatar.Motions.StopLoop();

        float[] rms = [0.1f, 0.6f, 0.8f, 0.3f, 0.0f];                    // one level per 20 ms
        var envelope = MouthEnvelope.FromLevels(rms, TimeSpan.FromMilliseconds(20));
        var playbackStarted = TimeProvider.System.GetTimestamp();        // when the audio started playing
        await avatar.LipSync.SpeakAsync(envelope, playbackStarted, cancellationToken);

        avatar.Expressions.Current.Should().Be(blush);
        (await Vts.WaitForAsync("InjectParameterDataRequest")).Data["parameterValues"]![0]!["id"]!.GetValue<string>().Should().Be("MouthOpen");
    }

    [Fact]
    public async Task ClientExample_Runs()
    {
        KeepValidToken();
        using var stop = new CancellationTokenSource();
        var cancellationToken = stop.Token;

        await using var vts = new VTubeStudioClient(Options);
        await vts.StartAsync();
        var hotkeys = await vts.GetHotkeysAsync();
        await vts.TriggerHotkeyAsync("Wave");
        await vts.SubscribeAsync("HotkeyTriggeredEvent");
        var state = await vts.RequestAsync("APIStateRequest");      // any request, raw data back
        var reading = Task.Run(async () =>
        {
            await foreach (var e in vts.ReadEventsAsync(cancellationToken))
            {
                Console.WriteLine($"{e.Name}: {e.Data}");
                await stop.CancelAsync();
            }
        });

        // The reader registers when its loop starts; until then an event has no one to go to, so it is sent again.
        while (!reading.IsCompleted)
        {
            await Vts.SendToAllAsync(Server.FakeVTubeStudio.Recorded("TestEvent"));
            await Task.WhenAny(reading, Task.Delay(50));
        }

        await reading.Invoking(r => r).Should().ThrowAsync<OperationCanceledException>();
        hotkeys.Should().HaveCount(5);
        state.GetProperty("vTubeStudioVersion").GetString().Should().Be("1.9.0");
    }
}
