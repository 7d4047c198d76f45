using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ChatBotKit.Benchmarks;

// dotnet run -c Release --project tests/ChatBotKit.Benchmarks -- --filter '*'   BenchmarkDotNet suites
// dotnet run -c Release --project tests/ChatBotKit.Benchmarks -- latency        per-event percentiles
// dotnet run -c Release --project tests/ChatBotKit.Benchmarks -- memory         retained heap of 100 full channels
// dotnet run -c Release --project tests/ChatBotKit.Benchmarks -- hosting        idle app-host RSS; /health latency at 500 req/s during 1,000 msg/s
// dotnet run -c Release --project tests/ChatBotKit.Benchmarks -- dashboard      overview server time with 100 channels; throughput with a live-log client vs without
// dotnet run -c Release --project tests/ChatBotKit.Benchmarks -- reload         save -> live latency, unloads, heap per reload (300 reloads)
// dotnet run -c Release --project tests/ChatBotKit.Benchmarks -- speech-interrupt  interrupt -> silence of a reply spoken with espeak-ng (100 runs)
// dotnet run -c Release --project tests/ChatBotKit.Benchmarks -- speech-pulse [sink]  interrupt -> silence heard on a PulseAudio null sink's monitor (pacat, parec; 50 runs)
// dotnet run -c Release --project tests/ChatBotKit.Benchmarks -- first-message  streamed reply at 30 tokens/s: first chat message vs end of reply
// dotnet run -c Release --project tests/ChatBotKit.Benchmarks -- replay-reload  1,000 msg/s for 30 s with 20 reloads mid-stream (or: replay-reload N): messages lost
// dotnet run -c Release --project tests/ChatBotKit.Benchmarks -- twitch-reconnect  EventSub session_reconnect -> events from the new session (200 rounds)
// dotnet run -c Release --project tests/ChatBotKit.Benchmarks -- youtube-delay [messages]  a message on the fake YouTube -> its ChatEvent, against the poll wait
// dotnet run -c Release --project tests/ChatBotKit.Benchmarks -- vtubestudio [npm-folder]  !expression latency, lip-sync rate/jitter, round trips (vs npm vtubestudio)
switch (args.FirstOrDefault())
{
    case "vtubestudio":
        await ChatBotKit.Benchmarks.VTubeStudio.VTubeStudioHarness.RunAsync(args.Length > 1 ? args[1] : null);
        break;
    case "twitch-reconnect":
        await ChatBotKit.Benchmarks.Twitch.EventSubReconnectHarness.RunAsync(rounds: 200);
        break;
    case "youtube-delay":
        await ChatBotKit.Benchmarks.YouTube.PollDelayHarness.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 60);
        break;
    case "latency":
        await LatencyHarness.RunAsync(samples: 200_000);
        break;
    case "reload":
        await ReloadHarness.RunAsync(reloads: 300);
        break;
    case "replay-reload":
        await ReplayReloadHarness.RunAsync(messagesPerSecond: 1_000, seconds: 30, reloads: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
        break;
    case "dashboard":
        await ChatBotKit.Benchmarks.Hosting.DashboardHarness.RunAsync();
        break;
    case "hosting":
        await ChatBotKit.Benchmarks.Hosting.HostingHarness.RunAsync(TimeSpan.FromSeconds(20));
        break;
    case "speech-interrupt":
        await ChatBotKit.Benchmarks.Speech.InterruptHarness.RunAsync(runs: 100);
        break;
    case "speech-pulse":
        await ChatBotKit.Benchmarks.Speech.PulseInterruptHarness.RunAsync(args.Length > 1 ? args[1] : "streambot", runs: 50);
        break;
    case "first-message":
        await ChatBotKit.Benchmarks.AI.FirstMessageHarness.RunAsync(runs: 10);
        break;
    case "memory":
        await MemoryHarness.RunAsync();
        break;
    default:
        var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
        BenchmarkSwitcher.FromAssembly(typeof(BenchBot).Assembly).Run(args, config);
        break;
}
