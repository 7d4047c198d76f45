using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.YouTube.DataApi;
using ChatBotKit.YouTube.InnerTube;
using ChatBotKit.YouTube.Reading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.YouTube;

/// <summary>
/// A YouTube live chat. Without credentials it is read the way the web client reads it
/// (keyless, read-only); with an API key through the Data API v3 (read-only); with an OAuth access
/// or refresh token through the Data API, and the bot's replies are posted with
/// <c>liveChatMessages.insert</c>. Polling happens only while someone reads, at the pace YouTube
/// asks within the options' bounds; refused polls back off with jitter. Reading ends when the
/// stream is over, or when the Data API quota is used up. Events carry the video id as their channel.
/// </summary>
public sealed class YouTubeChatSource : ChatSourceBase
{
    /// <summary>The name of the meter whose <c>chatbotkit.youtube.quota.units</c> counter counts the Data API units spent.</summary>
    public const string MeterName = "ChatBotKit.YouTube";

    private const string KeylessReason = "keyless YouTube reading is read-only; posting needs an OAuth access or refresh token (YOUTUBE_ACCESS_TOKEN, YOUTUBE_REFRESH_TOKEN)";
    private const string ApiKeyReason = "a YouTube Data API key cannot post; posting needs an OAuth access or refresh token (YOUTUBE_ACCESS_TOKEN, YOUTUBE_REFRESH_TOKEN)";

    private readonly string _video;
    private readonly YouTubeOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly QuotaMeter _quota;
    private readonly ILiveChatReader _reader;
    private readonly OAuthTokens? _tokens;
    private readonly LiveChatSender? _sender;
    private readonly ReconnectBackoff _backoff;
    private readonly Queue<ChatEvent> _pending = new();
    private DateTimeOffset _nextPoll;
    private bool _ended;
    private int _readOnlyReported;

    /// <summary>Creates the source for <paramref name="video"/>; nothing is loaded until <see cref="ChatSourceBase.ConnectAsync"/>.</summary>
    /// <param name="video">A video id, a watch or live URL, an <c>@handle</c> or a channel id (<c>UC…</c>).</param>
    /// <param name="options">Endpoints, credentials and polling settings; the defaults (keyless) when <see langword="null"/>.</param>
    /// <param name="httpClient">The client for every request; the source makes (and disposes) its own when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Where the source logs.</param>
    /// <param name="timeProvider">The clock that paces polling and sending, and tells the quota day.</param>
    /// <param name="meterFactory">Where the quota counter's meter comes from; a meter of its own when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="video"/> is none of the accepted forms, or a setting is out of range.</exception>
    public YouTubeChatSource(string video, YouTubeOptions? options = null, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
        : base(ChatPlatform.YouTube, LimitsFor(options ??= new YouTubeOptions()), (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<YouTubeChatSource>())
    {
        options.Validate();
        var target = VideoTarget.Parse(video);
        (_video, _options) = (video, options);
        _time = timeProvider ?? TimeProvider.System;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient();
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _quota = new QuotaMeter(options.DailyQuota, _time, Logger, _meter.CreateCounter<long>("chatbotkit.youtube.quota.units", "{unit}", "YouTube Data API quota units spent, by method."));
        _backoff = new ReconnectBackoff(options.RetryDelay, options.MaxRetryDelay);
        var pages = new InnerTubeClient(_http, options.Endpoint);
        if (!options.UsesDataApi)
        {
            _reader = new InnerTubeReader(pages, target, options, Logger);
            return;
        }

        _tokens = options.CanPost ? new OAuthTokens(_http, options, _time) : null;
        var api = new DataApiClient(_http, options, _tokens, _quota);
        var reader = new DataApiReader(api, pages, target, options, _quota, _time, Logger);
        _reader = reader;
        _sender = _tokens is null ? null : new LiveChatSender(api, () => reader.LiveChatId, options, _time, Logger);
    }

    /// <summary>The id of the video whose chat is read, once connected.</summary>
    public string? VideoId { get; private set; }

    /// <summary>Whether replies are posted (an OAuth token is set); keyless and API-key reading are read-only.</summary>
    public bool CanPost => _sender is not null;

    /// <summary>The Data API quota units spent since the source was made (0 when reading keyless).</summary>
    public long QuotaUnitsSpent => _quota.SpentTotal;

    /// <summary>The Data API quota units spent since the quota day began (midnight Pacific time).</summary>
    public long QuotaUnitsSpentToday => _quota.SpentToday;

    /// <inheritdoc />
    protected override async ValueTask ConnectCoreAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _readOnlyReported, 1) == 0 && !CanPost)
        {
            if (_options.UsesDataApi)
            {
                YouTubeLog.ApiKeyReadOnly(Logger, _video);
            }
            else
            {
                YouTubeLog.KeylessReadOnly(Logger, _video);
            }
        }

        VideoId = await _reader.OpenAsync(cancellationToken).ConfigureAwait(false);
        (_ended, _nextPoll) = (false, _time.GetUtcNow());
    }

    /// <inheritdoc />
    protected override async IAsyncEnumerable<ChatEvent> ReadEventsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            while (_pending.TryDequeue(out var chatEvent))
            {
                yield return chatEvent;
            }

            if (_ended)
            {
                SetState(ConnectionState.Disconnected);
                yield break;
            }

            var wait = _nextPoll - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            _nextPoll = _time.GetUtcNow() + await PollAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override ValueTask<SendResult> SendCoreAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (_sender is not null)
        {
            return _sender.SendAsync(message, cancellationToken);
        }

        YouTubeLog.SendDropped(Logger);
        return ValueTask.FromResult(SendResult.Dropped(_options.UsesDataApi ? ApiKeyReason : KeylessReason));
    }

    /// <inheritdoc />
    protected override ValueTask DisposeCoreAsync()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }

        if (_ownsMeter)
        {
            _meter.Dispose();
        }

        _sender?.Dispose();
        _tokens?.Dispose();

        return base.DisposeCoreAsync();
    }

    // Posting is paced by the sender; these limits size replies and keep the engine from queueing more than YouTube should see.
    private static PlatformLimits LimitsFor(YouTubeOptions options) =>
        new() { MaxMessageLength = options.MaxMessageLength, MessagesPerWindow = 10, SendWindow = TimeSpan.FromSeconds(60) };

    // One poll; returns how long to wait before the next one.
    private async Task<TimeSpan> PollAsync(CancellationToken cancellationToken)
    {
        PollResult result;
        try
        {
            result = await _reader.PollAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A broken connection, or the HttpClient's own timeout: tried again like a 5xx.
            result = PollResult.Refused(ex is OperationCanceledException ? "no answer in time" : ex.Message);
        }

        foreach (var chatEvent in result.Events)
        {
            _pending.Enqueue(chatEvent);
        }

        switch (result.Outcome)
        {
            case PollOutcome.Read:
                _backoff.Reset();
                SetState(ConnectionState.Connected);
                return result.Wait;
            case PollOutcome.Refused:
                var delay = _backoff.Next();
                YouTubeLog.PollRefused(Logger, VideoId ?? _video, result.Reason!, delay);
                SetState(ConnectionState.Reconnecting);
                return delay;
            default:
                _ended = true;
                return TimeSpan.Zero;
        }
    }
}
