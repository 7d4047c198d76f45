using System.Diagnostics.Metrics;
using ChatBotKit.Tests.Sources;
using ChatBotKit.YouTube.Tests.Servers;

namespace ChatBotKit.YouTube.Tests.Connection;

/// <summary>A fake Data API on a virtual clock, a log capture, and sources pointed at them.</summary>
public abstract class DataApiSourceTestBase : IAsyncLifetime
{
    private readonly HttpClient _http = new();

    internal WatchedClock Clock { get; } = new();

    internal LogCapture Logs { get; } = new();

    internal FakeDataApi Api { get; private set; } = null!;

    public async Task InitializeAsync() => Api = await FakeDataApi.StartAsync(Clock);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await Api.DisposeAsync();
    }

    /// <summary>A source for the fake's video with <paramref name="options"/> and the fake's endpoints (no watch pages).</summary>
    internal YouTubeChatSource Source(YouTubeOptions options, IMeterFactory? meters = null) =>
        new(FakeYouTube.VideoId, options with { ApiEndpoint = Api.ApiEndpoint, TokenEndpoint = Api.TokenEndpoint, Endpoint = new Uri("http://127.0.0.1:9") }, _http, Logs, Clock, meters);
}
