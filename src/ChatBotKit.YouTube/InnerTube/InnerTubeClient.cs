using System.Net;
using System.Net.Http.Headers;

namespace ChatBotKit.YouTube.InnerTube;

/// <summary>
/// The HTTP side of keyless reading: loads the watch page and the live-chat page to find the chat,
/// then posts <c>get_live_chat</c> requests. Says nothing about timing; the source paces it.
/// </summary>
internal sealed class InnerTubeClient(HttpClient http, Uri endpoint)
{
    private const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    /// <summary>Finds the chat of <paramref name="target"/>: its video, the page's <c>ytcfg</c>, and the "Live chat" view's continuation when the live-chat page offers one.</summary>
    /// <exception cref="ChatBotKitException">The page has no ytcfg or no live chat.</exception>
    public async Task<(LiveChatSession Session, bool AllMessages)> OpenAsync(VideoTarget target, CancellationToken cancellationToken)
    {
        var pageUrl = new Uri(endpoint, target.PagePath);
        var page = await GetPageAsync(pageUrl, cancellationToken).ConfigureAwait(false);
        var config = InnerTubeConfig.FromPage(page)
            ?? throw new ChatBotKitException($"The page {pageUrl} has no ytcfg with INNERTUBE_API_KEY and a client version; YouTube may have changed its pages.");
        var (videoId, continuation) = ChatPages.ReadWatchPage(page);
        videoId ??= target.VideoId;
        if (videoId is null || continuation is null)
        {
            throw new ChatBotKitException($"The page {pageUrl} shows no live chat: the video is not live, its chat is off, or the channel is not live now.");
        }

        var chatPage = await GetPageAsync(new Uri(endpoint, $"/live_chat?continuation={Uri.EscapeDataString(continuation)}"), cancellationToken).ConfigureAwait(false);
        var allMessages = ChatPages.ReadAllMessagesView(chatPage);
        return (new LiveChatSession(videoId, config, allMessages ?? continuation), allMessages is not null);
    }

    /// <summary>The id of the video <paramref name="target"/> names, or of the stream its channel has live now (read from the page, no ytcfg needed).</summary>
    /// <exception cref="ChatBotKitException">The page could not be loaded.</exception>
    public async Task<string?> FindVideoIdAsync(VideoTarget target, CancellationToken cancellationToken) =>
        target.VideoId ?? ChatPages.ReadWatchPage(await GetPageAsync(new Uri(endpoint, target.PagePath), cancellationToken).ConfigureAwait(false)).VideoId;

    /// <summary>Posts one <c>get_live_chat</c> request; the status and body are the caller's to judge.</summary>
    /// <exception cref="HttpRequestException">The request did not reach YouTube or the connection broke.</exception>
    public async Task<(HttpStatusCode Status, byte[] Body)> GetLiveChatAsync(LiveChatSession session, string continuation, CancellationToken cancellationToken)
    {
        var url = new Uri(endpoint, $"/youtubei/v1/live_chat/get_live_chat?key={Uri.EscapeDataString(session.Config.ApiKey)}&prettyPrint=false");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(session.Config.LiveChatRequest(continuation)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        AddHeaders(request);
        request.Headers.TryAddWithoutValidation("X-YouTube-Client-Version", session.Config.ClientVersion);
        if (session.Config.ClientNameId is { } nameId)
        {
            request.Headers.TryAddWithoutValidation("X-YouTube-Client-Name", nameId);
        }

        if (session.Config.VisitorData is { } visitor)
        {
            request.Headers.TryAddWithoutValidation("X-Goog-Visitor-Id", visitor);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<string> GetPageAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        AddHeaders(request);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ChatBotKitException($"YouTube answered {(int)response.StatusCode} for {url}.");
        }

        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    // A browser's agent and language, and the consent cookie that spares EU visitors the consent page.
    private static void AddHeaders(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation("Accept-Language", "en-US,en;q=0.9");
        request.Headers.TryAddWithoutValidation("Cookie", "SOCS=CAI");
    }
}
