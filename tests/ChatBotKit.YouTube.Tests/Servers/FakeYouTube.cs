using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ChatBotKit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.YouTube.Tests.Servers;

/// <summary>
/// A local YouTube on Kestrel: a watch page (also at <c>/@handle/live</c> and <c>/channel/UC…/live</c>)
/// with <c>ytcfg</c> and the chat's first continuation, a <c>/live_chat</c> page with the view
/// selector, and <c>get_live_chat</c> answering from a script of responses. With the script empty
/// it answers an empty page that keeps the chat going.
/// </summary>
public sealed class FakeYouTube : IAsyncDisposable
{
    public const string VideoId = "LiveVideo01";
    public const string ApiKey = "fake-key";
    public const string ClientVersion = "2.20251201.01.00";
    public const string AllMessages = "all-chat-1";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, byte[] Body)> _script = new();
    private readonly ConcurrentQueue<PollRequest> _polls = new();
    private readonly SemaphoreSlim _polled = new(0);

    private FakeYouTube(WebApplication app) => _app = app;

    public Uri Endpoint => new(_app.Urls.First());

    /// <summary>The <c>/live_chat</c> page's initial data; the current shape unless a test swaps it.</summary>
    public string LiveChatInitialData { get; set; } = CurrentLiveChatData();

    /// <summary>Whether the watch page carries <c>ytcfg</c>.</summary>
    public bool ServeYtcfg { get; set; } = true;

    /// <summary>Whether the watch page has a live chat (a channel that is not live has none).</summary>
    public bool ServeChat { get; set; } = true;

    public IReadOnlyList<PollRequest> Polls => [.. _polls];

    public static async Task<FakeYouTube> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{LoopbackPort.GetFree()}");
        var app = builder.Build();
        var fake = new FakeYouTube(app);
        app.MapGet("/watch", fake.WatchPage);
        app.MapGet("/{handle}/live", fake.WatchPage);
        app.MapGet("/channel/{id}/live", fake.WatchPage);
        app.MapGet("/live_chat", () => Results.Content($"<script>window[\"ytInitialData\"] = {fake.LiveChatInitialData};</script>", "text/html"));
        app.MapPost("/youtubei/v1/live_chat/get_live_chat", fake.GetLiveChatAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>Waits until one more <c>get_live_chat</c> request has arrived than this method has waited for before.</summary>
    /// <exception cref="TimeoutException">No request came within 10 s.</exception>
    public async Task WaitForPollAsync()
    {
        if (!await _polled.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The source should have polled get_live_chat.");
        }
    }

    public void Answer(byte[] body) => _script.Enqueue((200, body));

    /// <summary>The next poll gets no answer until the client gives up.</summary>
    public void Hang() => _script.Enqueue((0, []));

    public void Answer(int status, string body = "") => _script.Enqueue((status, Encoding.UTF8.GetBytes(body)));

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IResult WatchPage()
    {
        var ytcfg = ServeYtcfg
            ? "<script>ytcfg.set(" + Q("{'INNERTUBE_API_KEY':'" + ApiKey + "','INNERTUBE_CONTEXT':{'client':{'clientName':'WEB','clientVersion':'" + ClientVersion
                + "','visitorData':'visitor-1'}},'INNERTUBE_CONTEXT_CLIENT_NAME':1}") + ");</script>"
            : string.Empty;
        var data = Q("{'currentVideoEndpoint':{'watchEndpoint':{'videoId':'" + VideoId
            + "'}},'contents':{'twoColumnWatchNextResults':{'conversationBar':{"
            + (ServeChat ? "'liveChatRenderer':{'continuations':[{'reloadContinuationData':{'continuation':'top-chat-0'}}]}" : string.Empty) + "}}}}");
        return Results.Content($"<html><head>{ytcfg}<script>var ytInitialData = {data};</script></head><body></body></html>", "text/html");
    }

    private async Task<IResult> GetLiveChatAsync(HttpRequest request, CancellationToken aborted)
    {
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: aborted);
        var client = body.RootElement.GetProperty("context").GetProperty("client");
        _polls.Enqueue(new PollRequest(
            request.Query["key"].ToString(),
            body.RootElement.GetProperty("continuation").GetString()!,
            client.GetProperty("clientVersion").GetString()!,
            request.Headers["X-Goog-Visitor-Id"].ToString(),
            System.Diagnostics.Stopwatch.GetTimestamp()));
        _polled.Release();
        if (!_script.TryDequeue(out var answer))
        {
            answer = (200, Parsing.LiveChatJson.Page("idle", 1000));
        }

        if (answer.Status == 0)
        {
            await Task.Delay(Timeout.Infinite, aborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return answer.Status == 200 ? Results.Bytes(answer.Body, "application/json") : Results.StatusCode(answer.Status);
    }

    private static string CurrentLiveChatData() => Q(
        "{'continuationContents':{'liveChatContinuation':{'header':{'liveChatHeaderRenderer':{'viewSelector':{'sortFilterSubMenuRenderer':{'subMenuItems':["
        + "{'title':'Meilleurs messages','continuation':{'reloadContinuationData':{'continuation':'top-chat-1'}}},"
        + "{'title':'Chat en direct','continuation':{'reloadContinuationData':{'continuation':'all-chat-1'}}}]}}}},"
        + "'continuations':[{'reloadContinuationData':{'continuation':'top-chat-1'}}],'actions':[]}}}");

    private static string Q(string singleQuoted) => singleQuoted.Replace('\'', '"');

    /// <param name="ArrivedAt">When the request arrived, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</param>
    public sealed record PollRequest(string Key, string Continuation, string ClientVersion, string VisitorId, long ArrivedAt);
}
