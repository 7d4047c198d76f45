using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatBotKit.Testing;

namespace ChatBotKit.Cli.Tests;

/// <summary>
/// <c>streambot run scripts/examples/youtube.csx</c> as a real process against a fake YouTube Data
/// API: it finds the chat with <c>videos.list</c>, reads a viewer's <c>!dice</c> with
/// <c>liveChatMessages.list</c> and answers it with <c>liveChatMessages.insert</c>.
/// </summary>
public sealed class YouTubeProcessTests : IAsyncLifetime
{
    private const string AccessToken = "process-test-access-token";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly FakeYouTubeDataApi _api = new(AccessToken);
    private readonly StringBuilder _output = new();
    private Process? _process;

    [Fact]
    public async Task RunYouTubeExample_ViewerAsksForDice_AnswersThroughInsert()
    {
        _process = Start(new Dictionary<string, string>
        {
            ["YOUTUBE_VIDEO"] = "LiveVideo01",
            ["YOUTUBE_API_ENDPOINT"] = _api.ApiEndpoint,
            ["YOUTUBE_ACCESS_TOKEN"] = AccessToken,
            ["YOUTUBE_ENDPOINT"] = "http://127.0.0.1:9",
        });

        var deadline = DateTime.UtcNow + Patience;
        while (_api.Inserted.IsEmpty)
        {
            _process.HasExited.Should().BeFalse(because: Output());
            DateTime.UtcNow.Should().BeBefore(deadline, because: $"no insert came; output: {Output()}");
            await Task.Delay(100);
        }

        _api.Inserted.Should().ContainSingle().Which.Should().MatchRegex("^🎲 [1-6]$");
        _api.Requests.Should().StartWith("GET /youtube/v3/videos?part=liveStreamingDetails&id=LiveVideo01");
        _api.Requests.Should().Contain(r => r.StartsWith("GET /youtube/v3/liveChat/messages?liveChatId=chat-1", StringComparison.Ordinal));
        Output().Should().Contain("reads and posts").And.NotContain(AccessToken);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 disposes test classes only through these, and the
    // streambot process must not outlive the test.
    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        await _api.DisposeAsync();
    }

    private Process Start(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "streambot.dll"), "run", Path.Combine(AppContext.BaseDirectory, "scripts", "examples", "youtube.csx"), "--no-watch", "--http", "off" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Collect(object sender, DataReceivedEventArgs e)
    {
        lock (_output)
        {
            _output.AppendLine(e.Data);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    /// <summary>
    /// The three Data API calls the example needs, on HttpListener (this test project has no ASP.NET
    /// Core): <c>videos.list</c> gives chat-1, the first <c>liveChatMessages.list</c> holds bob's
    /// <c>!dice</c> and later ones are empty, and <c>insert</c> records the text. A call without the
    /// bearer token gets 401.
    /// </summary>
    private sealed class FakeYouTubeDataApi : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly string _token;
        private readonly Task _serving;
        private readonly ConcurrentQueue<string> _requests = new();
        private int _lists;

        public FakeYouTubeDataApi(string token)
        {
            _token = token;
            var port = LoopbackPort.GetFree();
            ApiEndpoint = $"http://127.0.0.1:{port}/youtube/v3";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _serving = ServeAsync();
        }

        public string ApiEndpoint { get; }

        public ConcurrentQueue<string> Inserted { get; } = new();

        public IReadOnlyList<string> Requests => [.. _requests];

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _listener.Close();
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                var context = await _listener.GetContextAsync();
                var request = context.Request;
                _requests.Enqueue($"{request.HttpMethod} {request.Url!.PathAndQuery}");
                var (status, body) = request.Headers["Authorization"] != $"Bearer {_token}"
                    ? (401, """{"error":{"code":401,"errors":[{"reason":"authError"}]}}""")
                    : await AnswerAsync(request);
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body));
                context.Response.Close();
            }
        }

        private async Task<(int Status, string Body)> AnswerAsync(HttpListenerRequest request)
        {
            var path = request.Url!.AbsolutePath;
            if (path == "/youtube/v3/videos")
            {
                return (200, """{"items":[{"id":"LiveVideo01","liveStreamingDetails":{"activeLiveChatId":"chat-1"}}]}""");
            }

            if (path == "/youtube/v3/liveChat/messages" && request.HttpMethod == "GET")
            {
                // Sent now: what was sent before the bot opened the chat is history, and not answered.
                var items = Interlocked.Increment(ref _lists) == 1
                    ? $$$"""{"id":"m1","snippet":{"type":"textMessageEvent","publishedAt":"{{{DateTime.UtcNow:O}}}","textMessageDetails":{"messageText":"!dice"}},"authorDetails":{"channelId":"UCbob","displayName":"bob"}}"""
                    : string.Empty;
                return (200, $$"""{"nextPageToken":"p{{_lists}}","pollingIntervalMillis":1000,"items":[{{items}}]}""");
            }

            if (path == "/youtube/v3/liveChat/messages")
            {
                using var document = await JsonDocument.ParseAsync(request.InputStream);
                Inserted.Enqueue(document.RootElement.GetProperty("snippet").GetProperty("textMessageDetails").GetProperty("messageText").GetString()!);
                return (200, """{"id":"posted"}""");
            }

            return (404, """{"error":{"code":404,"errors":[{"reason":"notFound"}]}}""");
        }
    }
}
