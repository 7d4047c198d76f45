using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatBotKit.Nats.Tests.Fixtures;
using ChatBotKit.Testing;

namespace ChatBotKit.Cli.Tests;

/// <summary>
/// The scale-out demonstration as real processes: a nats-server, one <c>streambot ingest</c> and two
/// <c>streambot run scripts/demo/worker.csx</c> workers; one worker is killed and the other carries on.
/// </summary>
public sealed class ScaleOutProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly List<Process> _processes = [];
    private readonly ConcurrentQueue<string> _replies = new();
    private readonly StringBuilder _errors = new();
    private readonly int _monitorPort = LoopbackPort.GetFree();
    private NatsServer? _server;

    [Fact]
    public async Task IngestAndTwoWorkers_OneWorkerKilled_TheOtherAnswersEveryLaterMessage()
    {
        _server = await NatsServer.StartAsync("-m", _monitorPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var url = _server.Url.ToString();
        var ingest = Start(["ingest", "--nats", url, "--channel", "lounge"], url, worker: null);
        var a = Start(["run", Worker, "--no-watch", "--http", "off"], url, "A");
        Start(["run", Worker, "--no-watch", "--http", "off"], url, "B");

        // Warm up until both workers have answered: events published before a worker subscribed reach nobody.
        var warmups = 0;
        await WaitForAsync(() =>
        {
            ingest.StandardInput.WriteLine($"warmup: !who w{++warmups}");
            return _replies.Any(r => r.StartsWith("bot: A w", StringComparison.Ordinal)) && _replies.Any(r => r.StartsWith("bot: B w", StringComparison.Ordinal));
        });

        var first = await SendAndWaitAsync(ingest, 1, 20);
        first.Values.Should().Contain("A").And.Contain("B", because: "both workers share the load");

        a.Kill(entireProcessTree: true);
        await a.WaitForExitAsync();
        await WaitForAsync(() => ConnectionsAsync().GetAwaiter().GetResult() == 2);

        var later = await SendAndWaitAsync(ingest, 21, 40);
        later.Values.Should().OnlyContain(w => w == "B", because: "worker A is dead");
    }

    private static string Worker => Path.Combine(AppContext.BaseDirectory, "scripts", "demo", "worker.csx");

    /// <summary>Sends <c>!who n</c> for each n and returns who answered each, once every one is answered.</summary>
    private async Task<Dictionary<int, string>> SendAndWaitAsync(Process ingest, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            ingest.StandardInput.WriteLine($"viewer{i}: !who {i}");
        }

        Dictionary<int, string> answered = [];
        await WaitForAsync(() =>
        {
            answered = Answers(from, to);
            return answered.Count == to - from + 1;
        });
        answered.Keys.Should().BeEquivalentTo(Enumerable.Range(from, to - from + 1), because: "no message is lost");
        return answered;
    }

    private Dictionary<int, string> Answers(int from, int to)
    {
        var answers = new Dictionary<int, string>();
        foreach (var parts in _replies.Select(r => r.Split(' ')).Where(p => p.Length == 3 && p[0] == "bot:"))
        {
            if (int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= from && n <= to)
            {
                answers[n] = parts[1];
            }
        }

        return answers;
    }

    private async Task<int> ConnectionsAsync()
    {
        using var http = new HttpClient();
        var connz = await http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{_monitorPort}/connz");
        return connz.GetProperty("num_connections").GetInt32();
    }

    private Process Start(string[] args, string natsUrl, string? worker)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "streambot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NATS_URL"] = natsUrl;
        if (worker is not null)
        {
            start.Environment["WORKER_NAME"] = worker;
        }

        var process = Process.Start(start)!;
        process.StandardInput.AutoFlush = true;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && worker is null)
            {
                _replies.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.Append('[').Append(worker ?? "ingest").Append("] ").AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        return process;
    }

    private async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, because: $"replies so far: {string.Join(" | ", _replies)}; stderr: {Errors()}");
            await Task.Delay(200);
        }
    }

    private string Errors()
    {
        lock (_errors)
        {
            return _errors.ToString();
        }
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
