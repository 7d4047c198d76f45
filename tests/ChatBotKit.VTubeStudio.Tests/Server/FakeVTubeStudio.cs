using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ChatBotKit.Testing;

namespace ChatBotKit.VTubeStudio.Tests.Server;

/// <summary>
/// An in-process VTube Studio plugin API on a loopback port. It answers each request with the
/// recorded example answer of its type (tests/testdata/vtubestudio), its requestID set to the
/// request's; authentication succeeds only with <see cref="ValidToken"/> and every other request
/// needs an authenticated session (error 8). Tests queue special answers, send events, drop
/// connections, and wait for the requests the client sent.
/// </summary>
public sealed class FakeVTubeStudio : IAsyncDisposable
{
    private static readonly string DataFolder = Path.Combine(AppContext.BaseDirectory, "testdata", "vtubestudio");
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<JsonObject, JsonObject?>>> _scripted = new();
    private readonly ConcurrentDictionary<WebSocket, SemaphoreSlim> _sockets = new();
    private readonly List<Task> _connections = [];
    private readonly List<ReceivedRequest> _requests = [];
    private readonly Task _accept;
    private readonly TimeProvider _time;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _connectionCount;

    public FakeVTubeStudio(TimeProvider? time = null, int? port = null)
    {
        _time = time ?? TimeProvider.System;
        port ??= LoopbackPort.GetFree();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Endpoint = new Uri($"ws://127.0.0.1:{port}/");
        _accept = AcceptAsync();
    }

    public Uri Endpoint { get; }

    /// <summary>The token <c>AuthenticationRequest</c> accepts; by default the one the recorded <c>AuthenticationTokenResponse</c> grants.</summary>
    public string ValidToken { get; set; } = Recorded("AuthenticationTokenResponse")["data"]!["authenticationToken"]!.GetValue<string>();

    /// <summary>Answers to <c>ExpressionStateRequest</c> use these expressions instead of the recorded one, when set.</summary>
    public JsonArray? Expressions { get; set; }

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The recorded frame called <paramref name="name"/> (for example <c>APIError</c>).</summary>
    public static JsonObject Recorded(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(DataFolder, name + ".json")))!.AsObject();

    /// <summary>The recorded <c>APIError</c> with <paramref name="errorId"/> and <paramref name="message"/>.</summary>
    public static JsonObject Error(int errorId, string message)
    {
        var frame = Recorded("APIError");
        frame["data"] = new JsonObject { ["errorID"] = errorId, ["message"] = message };
        return frame;
    }

    /// <summary>Answers the next <paramref name="messageType"/> with <paramref name="answer"/>'s frame (null: no answer at all).</summary>
    public void AnswerNext(string messageType, Func<JsonObject, JsonObject?> answer) =>
        _scripted.GetOrAdd(messageType, _ => new()).Enqueue(answer);

    /// <summary>Waits for the <paramref name="nth"/> request of <paramref name="messageType"/> (1 = the first).</summary>
    public async Task<ReceivedRequest> WaitForAsync(string messageType, int nth = 1)
    {
        var deadline = TimeSpan.FromSeconds(30);
        while (true)
        {
            Task changed;
            lock (_requests)
            {
                var matching = _requests.Where(r => r.MessageType == messageType).ToList();
                if (matching.Count >= nth)
                {
                    return matching[nth - 1];
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(deadline);
        }
    }

    /// <summary>Sends <paramref name="frame"/> to every open connection.</summary>
    public async Task SendToAllAsync(JsonObject frame)
    {
        foreach (var (socket, writeLock) in _sockets)
        {
            await SendAsync(socket, writeLock, frame.ToJsonString());
        }
    }

    /// <summary>Sends raw text (for malformed frames) to every open connection.</summary>
    public async Task SendRawToAllAsync(string text)
    {
        foreach (var (socket, writeLock) in _sockets)
        {
            await SendAsync(socket, writeLock, text);
        }
    }

    /// <summary>Closes every connection, as VTube Studio does when it quits.</summary>
    public async Task DropAllAsync()
    {
        foreach (var socket in _sockets.Keys)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "closing", CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var socket in _sockets.Keys)
        {
            socket.Abort();
        }

        _listener.Stop();
        await _accept;
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections);
        _listener.Close();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            if (!context.Request.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                context.Response.Close();
                continue;
            }

            var webSocket = (await context.AcceptWebSocketAsync(null)).WebSocket;
            Interlocked.Increment(ref _connectionCount);
            lock (_connections)
            {
                _connections.Add(Task.Run(() => ServeAsync(webSocket)));
            }
        }
    }

    private async Task ServeAsync(WebSocket socket)
    {
        var writeLock = new SemaphoreSlim(1, 1);
        _sockets[socket] = writeLock;
        var authenticated = false;
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var text = new StringBuilder();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, _stop.Token);
                    text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    return;
                }

                var request = JsonNode.Parse(text.ToString())!.AsObject();
                var type = request["messageType"]!.GetValue<string>();
                Record(new ReceivedRequest(type, request["data"]?.AsObject() ?? [], request, _time.GetUtcNow()));
                var answer = Answer(request, type, ref authenticated);
                if (answer is not null)
                {
                    answer["requestID"] = request["requestID"]?.DeepClone();
                    await SendAsync(socket, writeLock, answer.ToJsonString());
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            _sockets.TryRemove(socket, out _);
            socket.Dispose();
        }
    }

    private JsonObject? Answer(JsonObject request, string type, ref bool authenticated)
    {
        if (_scripted.TryGetValue(type, out var queue) && queue.TryDequeue(out var scripted))
        {
            return scripted(request);
        }

        switch (type)
        {
            case "AuthenticationTokenRequest":
                return Recorded("AuthenticationTokenResponse");
            case "AuthenticationRequest":
                authenticated = request["data"]?["authenticationToken"]?.GetValue<string>() == ValidToken;
                var answer = Recorded("AuthenticationResponse");
                answer["data"]!["authenticated"] = authenticated;
                if (!authenticated)
                {
                    answer["data"]!["reason"] = "Token invalid.";
                }

                return answer;
            case "APIStateRequest":
                var state = Recorded("APIStateResponse");
                state["data"]!["currentSessionAuthenticated"] = authenticated;
                return state;
        }

        if (!authenticated)
        {
            return Error(8, "Request requires authentication.");
        }

        var responseName = type.EndsWith("Request", StringComparison.Ordinal) ? type[..^"Request".Length] + "Response" : type;
        if (!File.Exists(Path.Combine(DataFolder, responseName + ".json")))
        {
            return Error(7, $"Unknown request type {type}.");
        }

        var response = Recorded(responseName);
        if (type == "ExpressionStateRequest" && Expressions is not null)
        {
            response["data"]!["expressions"] = Expressions.DeepClone();
        }

        return response;
    }

    private void Record(ReceivedRequest request)
    {
        lock (_requests)
        {
            _requests.Add(request);
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }

    private static async Task SendAsync(WebSocket socket, SemaphoreSlim writeLock, string text)
    {
        await writeLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
        }
        finally
        {
            writeLock.Release();
        }
    }
}

/// <summary>A request the fake received: its type, its data, the whole frame, and when (on the fake's clock).</summary>
public sealed record ReceivedRequest(string MessageType, JsonObject Data, JsonObject Frame, DateTimeOffset At);
