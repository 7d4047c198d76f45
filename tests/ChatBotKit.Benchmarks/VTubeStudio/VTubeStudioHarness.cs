using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.RateLimiting;
using ChatBotKit.Speech;
using ChatBotKit.VTubeStudio;
using ChatBotKit.VTubeStudio.Tests.Server;

namespace ChatBotKit.Benchmarks.VTubeStudio;

/// <summary>
/// Against the in-process fake VTube Studio: <c>!expression</c> chat event → activation request
/// received; lip-sync injection rate and jitter on the system clock; sequential request round trips,
/// and the same round trips with the npm <c>vtubestudio</c> client when its folder is given.
/// </summary>
internal static class VTubeStudioHarness
{
    public static async Task RunAsync(string? npmFolder)
    {
        var clock = new StopwatchClock();
        await using var vts = new FakeVTubeStudio(clock);
        vts.Expressions = [Expression("happy"), Expression("angry")];
        var folder = Directory.CreateTempSubdirectory("vts-bench-");
        var options = new VTubeStudioOptions { Endpoint = vts.Endpoint, TokenFile = Path.Combine(folder.FullName, "tokens.json") };
        try
        {
            await using (var avatar = new VTubeStudioAvatar(options))
            {
                await avatar.StartAsync();
                await avatar.Client.GetCurrentModelAsync();
                await ExpressionCommandAsync(vts, avatar, clock, samples: 2_000);
                await LipSyncAsync(vts, avatar, TimeSpan.FromSeconds(10));
                await RoundTripsAsync(avatar.Client, samples: 2_000);
            }

            if (npmFolder is not null)
            {
                await NpmRoundTripsAsync(vts.Endpoint, npmFolder, samples: 2_000);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task ExpressionCommandAsync(FakeVTubeStudio vts, VTubeStudioAvatar avatar, StopwatchClock clock, int samples)
    {
        var bot = new ChatBotBuilder("kit").WithRateLimits(RateLimitPolicy.Unlimited).WithLoopLimits(ReplyLoopLimits.Off).AddAvatarCommands(avatar, cooldown: TimeSpan.Zero).Build();
        await using var engine = new ChatBotEngine(bot);
        var source = new SinkSource();
        var latencies = new double[samples];
        var activations = 0;
        for (var i = -200; i < samples; i++)
        {
            var name = i % 2 == 0 ? "angry" : "happy";
            var message = new MessageReceived { Platform = ChatPlatform.Console, Channel = "c", User = ChatUser.Named("viewer"), Text = $"!expression {name}", Timestamp = DateTimeOffset.UnixEpoch };
            var start = clock.GetUtcNow();
            engine.Post(message, source);
            var on = await vts.WaitForAsync("ExpressionActivationRequest", ++activations);
            if (activations > 1)
            {
                await vts.WaitForAsync("ExpressionActivationRequest", ++activations); // the previous one going off
            }

            await engine.WhenIdleAsync();
            if (i >= 0)
            {
                latencies[i] = (on.At - start).TotalMicroseconds;
            }
        }

        Report($"!expression chat event -> ExpressionActivationRequest received by VTube Studio, {samples:N0} samples after 200 warm-up (µs)", latencies);
    }

    private static async Task LipSyncAsync(FakeVTubeStudio vts, VTubeStudioAvatar avatar, TimeSpan length)
    {
        var before = vts.Requests.Count(r => r.MessageType == "InjectParameterDataRequest");
        var levels = Enumerable.Range(0, (int)(length.TotalMilliseconds / 10)).Select(i => (i % 100) / 100f).ToArray();
        await avatar.LipSync.SpeakAsync(MouthEnvelope.FromLevels(levels, TimeSpan.FromMilliseconds(10)));
        var frames = vts.Requests.Where(r => r.MessageType == "InjectParameterDataRequest").Skip(before).SkipLast(1).Select(r => r.At).ToList();
        var intervals = frames.Zip(frames.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToArray();
        var period = 1000 / 30.0;
        var rate = (frames.Count - 1) / (frames[^1] - frames[0]).TotalSeconds;
        var jitter = intervals.Select(ms => Math.Abs(ms - period) * 1000).ToArray();
        var mean = intervals.Average();
        var deviation = Math.Sqrt(intervals.Sum(ms => (ms - mean) * (ms - mean)) / intervals.Length);
        Console.WriteLine($"lip sync over {length.TotalSeconds:0} s: {frames.Count} frames, {rate:F2} Hz, interval mean {mean:F2} ms, standard deviation {deviation:F2} ms");
        Report("  |interval - 33.33 ms| (µs)", jitter);
    }

    private static async Task RoundTripsAsync(VTubeStudioClient client, int samples)
    {
        for (var i = 0; i < 200; i++)
        {
            await client.GetHotkeysAsync();
        }

        var micros = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await client.GetHotkeysAsync();
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Report($"ChatBotKit.VTubeStudio, HotkeysInCurrentModelRequest, {samples:N0} sequential round trips (µs)", micros);
    }

    private static async Task NpmRoundTripsAsync(Uri endpoint, string npmFolder, int samples)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "VTubeStudio", "vts-roundtrip.cjs"));
        start.ArgumentList.Add(endpoint.ToString().TrimEnd('/'));
        start.ArgumentList.Add(samples.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["NODE_PATH"] = Path.Combine(Path.GetFullPath(npmFolder), "node_modules");
        using var node = Process.Start(start)!;
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = node.StandardOutput.ReadToEndAsync(patience.Token);
        var errors = node.StandardError.ReadToEndAsync(patience.Token);
        try
        {
            await node.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            Console.WriteLine("node did not finish within 3 minutes");
            return;
        }

        Console.WriteLine((await output).Trim());

        if (node.ExitCode != 0)
        {
            Console.WriteLine($"node failed ({node.ExitCode}): {(await errors).Trim()}");
        }
    }

    private static void Report(string title, double[] values)
    {
        Array.Sort(values);
        var at = (double p) => values[(int)Math.Min(values.Length - 1, values.Length * p / 100)];
        Console.WriteLine($"{title}: p50 {at(50):F1} p90 {at(90):F1} p99 {at(99):F1} max {values[^1]:F1}");
    }

    private static JsonObject Expression(string name) => new() { ["name"] = name, ["file"] = name + ".exp3.json", ["active"] = false };

    /// <summary>The system clock read through <see cref="Stopwatch"/>, so the fake's receive times compare with the harness's at sub-microsecond precision.</summary>
    private sealed class StopwatchClock : TimeProvider
    {
        private readonly DateTimeOffset _origin = DateTimeOffset.UnixEpoch;
        private readonly long _start = Stopwatch.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => _origin + Stopwatch.GetElapsedTime(_start);
    }
}
