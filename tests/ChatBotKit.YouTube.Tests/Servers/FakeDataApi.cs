using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ChatBotKit.Testing;
using ChatBotKit.YouTube.Tests.DataApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.YouTube.Tests.Servers;

/// <summary>
/// A local YouTube Data API v3 on Kestrel under <c>/youtube/v3</c>: <c>videos.list</c>,
/// <c>liveChatMessages.list</c> answering from a script (an idle page when the script is empty),
/// <c>liveChatMessages.insert</c>, and an OAuth token endpoint at <c>/token</c> that issues
/// access tokens expiring on the test's clock. Calls with a wrong key or an unknown or expired
/// token get 401, as Google answers them.
/// </summary>
public sealed class FakeDataApi : IAsyncDisposable
{
    public const string ApiKey = "test-api-key";
    public const string LiveChatId = "chat-1";
    public const string ClientId = "client-1";
    public const string ClientSecret = "client-secret-1";
    public const string RefreshToken = "refresh-1";
    public const string GivenAccessToken = "given-access-token";

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<(int Status, byte[] Body)> _lists = new();
    private readonly ConcurrentQueue<(int Status, byte[] Body)> _inserts = new();
    private readonly ConcurrentQueue<ApiCall> _calls = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new();
    private readonly SemaphoreSlim _listed = new(0);
    private int _issued;

    private FakeDataApi(WebApplication app, TimeProvider clock)
    {
        (_app, _clock) = (app, clock);
        _tokens[GivenAccessToken] = DateTimeOffset.MaxValue;
    }

    /// <summary>The API base including its version path, as <see cref="YouTubeOptions.ApiEndpoint"/> takes it.</summary>
    public Uri ApiEndpoint => new(_app.Urls.First() + "/youtube/v3");

    public Uri TokenEndpoint => new(_app.Urls.First() + "/token");

    /// <summary>How long an access token from <c>/token</c> lives.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The chat <c>videos.list</c> gives for any video; <see langword="null"/> for a video that is not live.</summary>
    public string? ActiveLiveChatId { get; set; } = LiveChatId;

    public IReadOnlyList<ApiCall> Calls => [.. _calls];

    public IReadOnlyList<string> Inserted => [.. _calls.Where(c => c.Method == "insert" && c.Status == 200).Select(c => c.Text!)];

    public int TokensIssued => Volatile.Read(ref _issued);

    public static async Task<FakeDataApi> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{LoopbackPort.GetFree()}");
        var app = builder.Build();
        var fake = new FakeDataApi(app, clock);
        app.MapGet("/youtube/v3/videos", fake.Videos);
        app.MapGet("/youtube/v3/liveChat/messages", fake.List);
        app.MapPost("/youtube/v3/liveChat/messages", fake.InsertAsync);
        app.MapPost("/token", fake.TokenAsync);
        await app.StartAsync();
        return fake;
    }

    public void Answer(byte[] body) => _lists.Enqueue((200, body));

    public void Answer(int status, byte[] body) => _lists.Enqueue((status, body));

    public void AnswerInsert(int status, byte[] body) => _inserts.Enqueue((status, body));

    /// <summary>Waits until one more <c>liveChatMessages.list</c> call has arrived than this method has waited for before.</summary>
    public async Task WaitForListAsync() => (await _listed.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue("the source should poll");

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IResult Videos(HttpRequest request)
    {
        if (Refused(request, "videos.list") is { } refused)
        {
            return refused;
        }

        return Results.Bytes(DataApiJson.Video(ActiveLiveChatId), "application/json");
    }

    private IResult List(HttpRequest request)
    {
        var refused = Refused(request, "list");
        _listed.Release();
        if (refused is not null)
        {
            return refused;
        }

        var (status, body) = _lists.TryDequeue(out var answer) ? answer : (200, DataApiJson.Page("idle", 5000));
        return Json(body, status);
    }

    private async Task<IResult> InsertAsync(HttpRequest request, CancellationToken aborted)
    {
        using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: aborted);
        var snippet = document.RootElement.GetProperty("snippet");
        var text = snippet.GetProperty("textMessageDetails").GetProperty("messageText").GetString();
        var chat = snippet.GetProperty("liveChatId").GetString();
        if (Refused(request, "insert", text) is { } refused)
        {
            return refused;
        }

        var (status, body) = _inserts.TryDequeue(out var answer) ? answer : (200, "{\"kind\":\"youtube#liveChatMessage\",\"id\":\"posted\"}"u8.ToArray());
        if (chat != LiveChatId || snippet.GetProperty("type").GetString() != "textMessageEvent")
        {
            (status, body) = (404, DataApiJson.Error(404, "liveChatNotFound"));
        }

        _calls.Enqueue(new ApiCall("insert", request.QueryString.Value ?? string.Empty, Auth(request), text, status));
        return Json(body, status);
    }

    private async Task<IResult> TokenAsync(HttpRequest request, CancellationToken aborted)
    {
        var form = await request.ReadFormAsync(aborted);
        _calls.Enqueue(new ApiCall("token", string.Empty, null, null, 200));
        if (form["grant_type"] != "refresh_token" || form["refresh_token"] != RefreshToken || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "Bad Request" }, statusCode: 400);
        }

        var token = $"access-{Interlocked.Increment(ref _issued)}";
        _tokens[token] = _clock.GetUtcNow() + TokenLifetime;
        return Results.Json(new { access_token = token, expires_in = (int)TokenLifetime.TotalSeconds, token_type = "Bearer", scope = "https://www.googleapis.com/auth/youtube" });
    }

    // 401 unless the call carries the key (reading only) or a token that has not expired on the test's clock.
    private IResult? Refused(HttpRequest request, string method, string? text = null)
    {
        var auth = Auth(request);
        var bearer = auth?.StartsWith("Bearer ", StringComparison.Ordinal) == true ? auth[7..] : null;
        var ok = bearer is not null
            ? _tokens.TryGetValue(bearer, out var expires) && _clock.GetUtcNow() < expires
            : method != "insert" && request.Headers["X-Goog-Api-Key"] == ApiKey;
        if (ok)
        {
            if (method != "insert")
            {
                _calls.Enqueue(new ApiCall(method, request.QueryString.Value ?? string.Empty, auth, text, 200));
            }

            return null;
        }

        _calls.Enqueue(new ApiCall(method, request.QueryString.Value ?? string.Empty, auth, text, 401));
        return Json(DataApiJson.Error(401, "authError"), 401);
    }

    private static IResult Json(byte[] body, int status) => Results.Text(Encoding.UTF8.GetString(body), "application/json", Encoding.UTF8, status);

    private static string? Auth(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : request.Headers["X-Goog-Api-Key"].FirstOrDefault() is { } key ? $"key {key}" : null;

    /// <summary>One call as the fake saw it: what, its query, its credentials, the message text of an insert, the status answered.</summary>
    public sealed record ApiCall(string Method, string Query, string? Auth, string? Text, int Status);
}
