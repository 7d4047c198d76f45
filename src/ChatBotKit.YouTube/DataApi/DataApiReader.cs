using System.Text.Json;
using ChatBotKit.Events;
using ChatBotKit.YouTube.InnerTube;
using ChatBotKit.YouTube.Parsing;
using ChatBotKit.YouTube.Reading;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.YouTube.DataApi;

/// <summary>
/// Reading through the Data API v3: <c>videos.list</c> gives the chat's <c>activeLiveChatId</c>,
/// then <c>liveChatMessages.list</c> is polled with <c>nextPageToken</c>, waiting what
/// <c>pollingIntervalMillis</c> asks but at least <see cref="YouTubeOptions.ApiPollInterval"/>, and
/// twice that once 80 % of the day's budget is spent. A <c>quotaExceeded</c>, the end of the chat or
/// a budget that would be overrun stops reading with a notice and a log line instead of retrying.
/// The first page of a chat also holds its recent history: what was sent before the chat was opened
/// (more than <see cref="ClockSkew"/> before) is skipped, so a restarted bot does not answer it again.
/// </summary>
internal sealed class DataApiReader(DataApiClient api, InnerTubeClient pages, VideoTarget target, YouTubeOptions options, QuotaMeter quota, TimeProvider time, ILogger logger) : ILiveChatReader
{
    /// <summary>How far YouTube's clock may be behind this machine's without a new message counting as history.</summary>
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    private LiveChatMessageParser? _parser;
    private DateTimeOffset _openedAt;
    private string? _videoId;
    private string? _pageToken;

    /// <summary>The chat being read, once open; messages are posted to it.</summary>
    public string? LiveChatId { get; private set; }

    public async Task<string> OpenAsync(CancellationToken cancellationToken)
    {
        var videoId = await pages.FindVideoIdAsync(target, cancellationToken).ConfigureAwait(false)
            ?? throw new ChatBotKitException($"The page {target.PagePath} shows no live video: the channel is not live now.");
        var response = await api.GetAsync($"videos?part=liveStreamingDetails&id={Uri.EscapeDataString(videoId)}", QuotaCosts.VideosList, "videos.list", cancellationToken).ConfigureAwait(false);
        if (!response.IsOk)
        {
            throw new ChatBotKitException(response.IsOverBudget
                ? $"The day's Data API budget of {options.DailyQuota} units is spent; videos.list for video {videoId} was not called."
                : $"The Data API answered {response.Describe()} to videos.list for video {videoId}.");
        }

        var chatId = ActiveLiveChatId(response.Body)
            ?? throw new ChatBotKitException($"Video {videoId} has no live chat now: missing activeLiveChatId at $.items[0].liveStreamingDetails (the video is not live, or its chat is off).");
        if (chatId != LiveChatId)
        {
            (_parser, _pageToken, _openedAt) = (new LiveChatMessageParser(videoId), null, time.GetUtcNow());
        }

        (_videoId, LiveChatId) = (videoId, chatId);
        YouTubeLog.ChatFound(logger, videoId, "every message through the Data API");
        return videoId;
    }

    public async Task<PollResult> PollAsync(CancellationToken cancellationToken)
    {
        var chatId = LiveChatId ?? throw new InvalidOperationException("The chat is not open.");
        var query = $"liveChat/messages?liveChatId={Uri.EscapeDataString(chatId)}&part=id,snippet,authorDetails&maxResults=2000"
            + (_pageToken is null ? string.Empty : $"&pageToken={Uri.EscapeDataString(_pageToken)}");
        DataApiResponse response;
        try
        {
            response = await api.GetAsync(query, QuotaCosts.ListMessages, "liveChatMessages.list", cancellationToken).ConfigureAwait(false);
        }
        catch (ChatBotKitException ex)
        {
            return Stop("credentials", ex.Message);
        }

        if (response.IsOverBudget)
        {
            return Stop("quota-budget-spent", $"the day's budget of {options.DailyQuota} units would be overrun by the next liveChatMessages.list ({quota.SpentToday} spent); raise YouTubeOptions.DailyQuota if the project has more");
        }

        return response.IsOk ? Read(response.Body) : Refused(response);
    }

    private PollResult Read(byte[] body)
    {
        var page = _parser!.Parse(body);
        YouTubeLog.Skipped(logger, page.Problems, page.NewUnknownTypes);

        if (!page.IsReadable)
        {
            return PollResult.Refused("the answer was not a liveChatMessageListResponse");
        }

        _pageToken = page.NextPageToken ?? _pageToken;
        if (page.OfflineAt is { } offline)
        {
            YouTubeLog.ApiChatEnded(logger, _videoId!, $"the stream went offline at {offline}");
            return PollResult.Ended("the stream is over", [.. page.Events, Notice("chat-ended", $"The stream went offline at {offline}.")]);
        }

        var wait = page.PollingInterval is { } asked && asked > options.ApiPollInterval ? asked : options.ApiPollInterval;
        return PollResult.Read(WithoutHistory(page.Events), quota.IsLow ? wait * 2 : wait);
    }

    private List<ChatEvent> WithoutHistory(IReadOnlyList<ChatEvent> events)
    {
        var since = _openedAt - ClockSkew;
        var news = events.Where(e => e.Timestamp >= since).ToList();
        if (news.Count < events.Count)
        {
            YouTubeLog.HistorySkipped(logger, _videoId!, events.Count - news.Count);
        }

        return news;
    }

    private PollResult Refused(DataApiResponse response)
    {
        switch (response.ErrorReason)
        {
            case "quotaExceeded" or "dailyLimitExceeded":
                return Stop("quota-exceeded", $"YouTube says the project's Data API quota is used up ({response.Describe()}); polling stops instead of retrying, until the quota day starts again at midnight Pacific time");
            case "liveChatEnded" or "liveChatNotFound" or "liveChatDisabled":
                YouTubeLog.ApiChatEnded(logger, _videoId!, response.Describe());
                return PollResult.Ended("the chat is over", [Notice("chat-ended", $"The live chat is over ({response.Describe()}).")]);
            case var _ when (int)response.Status is 401 or 403:
                return Stop("credentials", $"YouTube refused the credentials ({response.Describe()}); check the API key or OAuth token and its scope");
            default:
                return PollResult.Refused(response.Describe());
        }
    }

    private PollResult Stop(string notice, string reason)
    {
        YouTubeLog.ApiReadingStopped(logger, _videoId!, reason);
        return PollResult.Ended(reason, [Notice(notice, $"YouTube reading stopped: {reason}.")]);
    }

    private ChannelNotice Notice(string id, string text) =>
        new() { Platform = ChatPlatform.YouTube, Channel = _videoId!, NoticeId = $"youtube-{id}", Text = text };

    private static string? ActiveLiveChatId(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Items("items").FirstOrDefault().String("liveStreamingDetails", "activeLiveChatId");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
