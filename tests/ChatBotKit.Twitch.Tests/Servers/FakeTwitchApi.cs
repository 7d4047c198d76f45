using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ChatBotKit.Testing;
using ChatBotKit.Twitch.Tests.EventSub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.Tests.Servers;

/// <summary>
/// A local stand-in for Twitch's EventSub WebSocket, Helix (users, EventSub subscriptions, chat
/// messages) and OAuth (validate, token refresh), on Kestrel, answering with the recorded JSON of
/// <c>tests/testdata/twitch</c>. Tests push frames to a session, choose Helix's answers to chat
/// messages, and revoke or expire tokens.
/// </summary>
public sealed class FakeTwitchApi : IAsyncDisposable
{
    public const string BotId = "141981764";
    public const string BotLogin = "kitbot";
    public const string ClientId = "test-client-id";
    public const string ClientSecret = "test-client-secret";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _validTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _appTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Func<HttpResponse, Task>> _chatAnswers = new();
    private readonly Channel<EventSubClient> _clients = Channel.CreateUnbounded<EventSubClient>();
    private readonly Channel<string> _chatTexts = Channel.CreateUnbounded<string>();
    private EventSubClient? _current;
    private int _sessions;
    private int _refreshes;
    private int _validations;
    private int _devicePolls;

    public FakeTwitchApi()
    {
        var port = LoopbackPort.GetFree();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Map("/ws", AcceptEventSubAsync);
        _app.MapGet("/oauth2/validate", (Delegate)Validate);
        _app.MapPost("/oauth2/token", (Delegate)TokenAsync);
        _app.MapPost("/oauth2/device", (Delegate)DeviceAsync);
        _app.MapGet("/helix/users", (Delegate)GetUsers);
        _app.MapPost("/helix/eventsub/subscriptions", (Delegate)SubscribeAsync);
        _app.MapDelete("/helix/eventsub/subscriptions", (Delegate)Unsubscribe);
        _app.MapPost("/helix/chat/messages", ChatMessageAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        Endpoints = new TwitchEndpoints
        {
            EventSub = new Uri($"ws://127.0.0.1:{port}/ws"),
            Helix = new Uri($"http://127.0.0.1:{port}/helix/"),
            OAuth = new Uri($"http://127.0.0.1:{port}/oauth2/"),
        };
    }

    public TwitchEndpoints Endpoints { get; }

    /// <summary>Channel logins Helix knows, with their user ids.</summary>
    public ConcurrentDictionary<string, string> Users { get; } = new(StringComparer.Ordinal) { ["twitch"] = "12826", ["streamer"] = "1971641" };

    /// <summary>Every subscription created: type, broadcaster id, session id, the request and the id given.</summary>
    public ConcurrentQueue<(string Type, string Broadcaster, string Session, JsonNode Body, string Id)> Subscriptions { get; } = new();

    /// <summary>The ids of the subscriptions deleted.</summary>
    public ConcurrentQueue<string> Deleted { get; } = new();

    /// <summary>Every chat message body Helix received.</summary>
    public ConcurrentQueue<JsonNode> ChatMessages { get; } = new();

    /// <summary>The bearer token of every chat message Helix received, in order.</summary>
    public ConcurrentQueue<string> ChatBearers { get; } = new();

    /// <summary>How many application access tokens the client-credentials grant gave.</summary>
    public int AppTokensIssued => _appTokens.Count;

    /// <summary>Types answered with 403, as Twitch does for a missing scope.</summary>
    public ConcurrentDictionary<string, byte> Forbidden { get; } = new(StringComparer.Ordinal);

    /// <summary>The keepalive timeout the welcome announces.</summary>
    public int KeepaliveSeconds { get; set; } = 10;

    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>The EventSub client that connected last.</summary>
    public EventSubClient Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("No EventSub client has connected.");

    /// <summary>How many times <c>/validate</c> was asked.</summary>
    public int Validations => Volatile.Read(ref _validations);

    public int Refreshes => Volatile.Read(ref _refreshes);

    /// <summary>What the device-code grant answers: <see langword="null"/> approves, otherwise Twitch's error message (<c>authorization_pending</c>, …).</summary>
    public ConcurrentQueue<string?> DeviceAnswers { get; } = new();

    /// <summary>How many times the device-code grant was polled.</summary>
    public int DevicePolls => Volatile.Read(ref _devicePolls);

    /// <summary>A token <c>/validate</c> accepts, expiring in <paramref name="expiresIn"/> seconds; with a refresh token that may renew it.</summary>
    public void AddToken(string token, int expiresIn = 14_000, string? refreshToken = null)
    {
        _validTokens[token] = expiresIn;
        if (refreshToken is not null)
        {
            _refreshTokens[refreshToken] = token;
        }
    }

    /// <summary>Makes Twitch reject <paramref name="token"/> from now on (revoked or expired).</summary>
    public void Revoke(string token) => _validTokens.TryRemove(token, out _);

    /// <summary>Makes Twitch reject every refresh token.</summary>
    public void RevokeRefreshTokens() => _refreshTokens.Clear();

    /// <summary>The next answers to <c>POST chat/messages</c>, in order; when none is queued, <c>is_sent:true</c>.</summary>
    public void AnswerChat(Func<HttpResponse, Task> answer) => _chatAnswers.Enqueue(answer);

    public static Func<HttpResponse, Task> Json(string file, int status = 200, Action<HttpResponse>? headers = null) => response =>
    {
        response.StatusCode = status;
        headers?.Invoke(response);
        response.ContentType = "application/json";
        return response.WriteAsync(File.ReadAllText(EventSubTestData.PathOf(file)));
    };

    public static Func<HttpResponse, Task> Html(int status) => response =>
    {
        response.StatusCode = status;
        response.ContentType = "text/html";
        return response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>");
    };

    /// <summary>The next EventSub client that connected (and got its welcome).</summary>
    public async Task<EventSubClient> NextClientAsync(TimeSpan patience) => await _clients.Reader.ReadAsync().AsTask().WaitAsync(patience);

    /// <summary>The text of the next chat message Helix received.</summary>
    public async Task<string> NextChatTextAsync(TimeSpan patience) => await _chatTexts.Reader.ReadAsync().AsTask().WaitAsync(patience);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AcceptEventSubAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var client = new EventSubClient(socket, $"session-{Interlocked.Increment(ref _sessions)}", context.Request.Query["from"].ToString());
        var welcome = EventSubTestData.Frame("eventsub_ws_session_welcome.json");
        welcome["metadata"]!["message_id"] = Guid.NewGuid().ToString();
        welcome["payload"]!["session"]!["id"] = client.SessionId;
        welcome["payload"]!["session"]!["keepalive_timeout_seconds"] = KeepaliveSeconds;
        var running = client.RunAsync(context.RequestAborted);
        if (client.ReconnectedFrom.Length > 0)
        {
            // A reconnect target: the test decides when its welcome goes out.
            _clients.Writer.TryWrite(client);
            await client.WelcomeReleased;
            await client.SendAsync(welcome.ToJsonString());
            Volatile.Write(ref _current, client);
            client.MarkWelcomed();
        }
        else
        {
            await client.SendAsync(welcome.ToJsonString());
            Volatile.Write(ref _current, client);
            client.MarkWelcomed();
            _clients.Writer.TryWrite(client);
        }

        await running;
    }

    private IResult Validate(HttpContext context)
    {
        Interlocked.Increment(ref _validations);
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("OAuth ", StringComparison.Ordinal) ? header[6..] : "";
        if (!_validTokens.TryGetValue(token, out var expiresIn))
        {
            return Results.Json(new { status = 401, message = "invalid access token" }, statusCode: 401);
        }

        return Results.Json(new { client_id = ClientId, login = BotLogin, scopes = new[] { "user:read:chat", "user:write:chat" }, user_id = BotId, expires_in = expiresIn });
    }

    private async Task<IResult> DeviceAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        return form["client_id"] == ClientId
            ? Results.Json(new { device_code = "device-code-1", expires_in = 1800, interval = 5, user_code = "ABCDEFGH", verification_uri = "https://www.twitch.tv/activate?public=true&device-code=ABCDEFGH" })
            : Results.Json(new { status = 400, message = "invalid client" }, statusCode: 400);
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] == "urn:ietf:params:oauth:grant-type:device_code")
        {
            Interlocked.Increment(ref _devicePolls);
            if (form["device_code"] != "device-code-1" || form["client_id"] != ClientId)
            {
                return Results.Json(new { status = 400, message = "invalid device code" }, statusCode: 400);
            }

            if (DeviceAnswers.TryDequeue(out var answer) && answer is not null)
            {
                return Results.Json(new { status = 400, message = answer }, statusCode: 400);
            }

            AddToken("device-access", 14_000, "device-refresh");
            return Results.Json(new { access_token = "device-access", refresh_token = "device-refresh", expires_in = 14_000, token_type = "bearer", scope = form["scopes"].ToString().Split(' ') });
        }

        if (form["grant_type"] == "client_credentials")
        {
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            {
                return Results.Json(new { status = 403, message = "invalid client secret" }, statusCode: 403);
            }

            var app = $"app-token-{_appTokens.Count + 1}";
            _appTokens[app] = 0;
            return Results.Json(new { access_token = app, expires_in = 5_000_000, token_type = "bearer" });
        }

        if (form["grant_type"] != "refresh_token" || !_refreshTokens.TryRemove(form["refresh_token"].ToString(), out var old))
        {
            return Results.Json(new { status = 400, message = "Invalid refresh token" }, statusCode: 400);
        }

        var count = Interlocked.Increment(ref _refreshes);
        var (access, refresh) = ($"refreshed-access-{count}", $"refreshed-refresh-{count}");
        _validTokens.TryRemove(old, out _);
        AddToken(access, 14_000, refresh);
        return Results.Json(new { access_token = access, refresh_token = refresh, expires_in = 14_000, token_type = "bearer", scope = new[] { "user:read:chat" } });
    }

    private IResult GetUsers(HttpContext context)
    {
        if (!IsAuthorized(context))
        {
            return Unauthorized();
        }

        var data = context.Request.Query["login"].Where(l => l is not null && Users.ContainsKey(l)).Select(l => new { id = Users[l!], login = l, display_name = l });
        return Results.Json(new { data });
    }

    private async Task<IResult> SubscribeAsync(HttpContext context)
    {
        if (!IsAuthorized(context))
        {
            return Unauthorized();
        }

        var body = (await JsonNode.ParseAsync(context.Request.Body))!;
        var type = body["type"]!.GetValue<string>();
        if (Forbidden.ContainsKey(type))
        {
            return Results.Json(new { error = "Forbidden", status = 403, message = "subscription missing proper authorization" }, statusCode: 403);
        }

        var id = Guid.NewGuid().ToString();
        Subscriptions.Enqueue((type, body["condition"]!["broadcaster_user_id"]!.GetValue<string>(), body["transport"]!["session_id"]!.GetValue<string>(), body, id));
        return Results.Json(new { data = new[] { new { id, status = "enabled", type } }, total = 1, total_cost = 0, max_total_cost = 10 }, statusCode: 202);
    }

    private IResult Unsubscribe(HttpContext context)
    {
        if (!IsAuthorized(context))
        {
            return Unauthorized();
        }

        var id = context.Request.Query["id"].ToString();
        if (!Subscriptions.Any(s => s.Id == id) || Deleted.Contains(id))
        {
            return Results.Json(new { error = "Not Found", status = 404, message = "subscription not found" }, statusCode: 404);
        }

        Deleted.Enqueue(id);
        return Results.NoContent();
    }

    private async Task ChatMessageAsync(HttpContext context)
    {
        var bearer = context.Request.Headers.Authorization.ToString();
        if (!IsAuthorized(context) && !(bearer.StartsWith("Bearer ", StringComparison.Ordinal) && _appTokens.ContainsKey(bearer[7..])))
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { status = 401, message = "Invalid OAuth token" });
            return;
        }

        var body = (await JsonNode.ParseAsync(context.Request.Body))!;
        ChatBearers.Enqueue(bearer[7..]);
        ChatMessages.Enqueue(body);
        _chatTexts.Writer.TryWrite(body["message"]!.GetValue<string>());
        var answer = _chatAnswers.TryDequeue(out var next) ? next : Json("helix_send_chat_message_response_sent.json");
        await answer(context.Response);
    }

    private bool IsAuthorized(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _validTokens.ContainsKey(header[7..]) && context.Request.Headers["Client-Id"] == ClientId;
    }

    private static IResult Unauthorized() => Results.Json(new { error = "Unauthorized", status = 401, message = "Invalid OAuth token" }, statusCode: 401);

    /// <summary>One client's EventSub socket, as the server sees it.</summary>
    public sealed class EventSubClient(WebSocket socket, string sessionId, string from)
    {
        private readonly SemaphoreSlim _writing = new(1, 1);
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _welcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _welcomed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string SessionId => sessionId;

        /// <summary>The session this one was a reconnect target of (empty for a first connection).</summary>
        public string ReconnectedFrom => from;

        internal Task WelcomeReleased => _welcome.Task;

        /// <summary>Lets a reconnect target send its welcome.</summary>
        public void ReleaseWelcome() => _welcome.TrySetResult();

        /// <summary>Completes once the welcome has been sent.</summary>
        public Task Welcomed => _welcomed.Task;

        internal void MarkWelcomed() => _welcomed.TrySetResult();

        /// <summary>Completes when the client closed its socket.</summary>
        public Task Closed => _closed.Task;

        public async Task SendAsync(string json)
        {
            await _writing.WaitAsync();
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            finally
            {
                _writing.Release();
            }
        }

        /// <summary>Sends a frame in several WebSocket fragments.</summary>
        public async Task SendFragmentedAsync(string json, int fragment)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            await _writing.WaitAsync();
            try
            {
                for (var i = 0; i < bytes.Length; i += fragment)
                {
                    var count = Math.Min(fragment, bytes.Length - i);
                    await socket.SendAsync(bytes.AsMemory(i, count), WebSocketMessageType.Text, i + count == bytes.Length, CancellationToken.None);
                }
            }
            finally
            {
                _writing.Release();
            }
        }

        /// <summary>Closes the socket from the server's side.</summary>
        public Task DropAsync() => socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "going away", CancellationToken.None);

        internal async Task RunAsync(CancellationToken aborted)
        {
            var buffer = new byte[1024];
            try
            {
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, aborted);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The client went away.
            }
            finally
            {
                _closed.TrySetResult();
            }
        }
    }
}
