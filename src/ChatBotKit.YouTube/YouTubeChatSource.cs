using System.Net;
using System.Runtime.CompilerServices;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.YouTube.InnerTube;
using ChatBotKit.YouTube.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.YouTube;

/// <summary>
/// A YouTube live chat read without an API key, the way the web client reads it: the watch (or
/// live) page gives the client config and the chat, the live-chat page the "Live chat" (all
/// messages) view, and <c>get_live_chat</c> is polled at the pace YouTube asks, within
/// <see cref="YouTubeOptions.MinPollInterval"/> and <see cref="YouTubeOptions.MaxPollInterval"/>.
/// Polling happens only while someone reads. Reading ends when the stream is over. Read-only:
/// every send is dropped with the reason. Events carry the video id as their channel.
/// </summary>
public sealed class YouTubeChatSource : ChatSourceBase
{
    private const string ReadOnlyReason = "keyless YouTube reading is read-only; posting needs an OAuth access token, which this version does not support yet";

    private readonly string _video;
    private readonly VideoTarget _target;
    private readonly YouTubeOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly InnerTubeClient _client;
    private readonly ReconnectBackoff _backoff;
    private readonly Queue<ChatEvent> _pending = new();
    private LiveChatSession? _session;
    private LiveChatParser? _parser;
    private string? _continuation;
    private DateTimeOffset _nextPoll;
    private int _readOnlyReported;

    /// <summary>Creates the source for <paramref name="video"/>; nothing is loaded until <see cref="ChatSourceBase.ConnectAsync"/>.</summary>
    /// <param name="video">A video id, a watch or live URL, an <c>@handle</c> or a channel id (<c>UC…</c>).</param>
    /// <param name="options">Endpoint and polling settings; the defaults when <see langword="null"/>.</param>
    /// <param name="httpClient">The client for every request; the source makes (and disposes) its own when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Where the source logs.</param>
    /// <param name="timeProvider">The clock that paces polling.</param>
    /// <exception cref="ArgumentException"><paramref name="video"/> is none of the accepted forms, or a setting is out of range.</exception>
    public YouTubeChatSource(string video, YouTubeOptions? options = null, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : base(ChatPlatform.YouTube, LimitsFor(options ??= new YouTubeOptions()), (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<YouTubeChatSource>())
    {
        options.Validate();
        _video = video;
        _target = VideoTarget.Parse(video);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient();
        _client = new InnerTubeClient(_http, options.Endpoint);
        _backoff = new ReconnectBackoff(options.RetryDelay, options.MaxRetryDelay);
    }

    /// <summary>The id of the video whose chat is read, once connected.</summary>
    public string? VideoId => _session?.VideoId;

    /// <inheritdoc />
    protected override async ValueTask ConnectCoreAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _readOnlyReported, 1) == 0)
        {
            YouTubeLog.KeylessReadOnly(Logger, _video);
        }

        var (session, allMessages) = await _client.OpenAsync(_target, cancellationToken).ConfigureAwait(false);
        YouTubeLog.ChatFound(Logger, session.VideoId, allMessages ? "the Live chat view (all messages)" : "YouTube's default view (the page had no view selector)");
        _parser = _session?.VideoId == session.VideoId ? _parser : new LiveChatParser(session.VideoId);
        (_session, _continuation, _nextPoll) = (session, session.Continuation, _time.GetUtcNow());
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

            if (_continuation is null)
            {
                YouTubeLog.StreamEnded(Logger, _session!.VideoId);
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
        YouTubeLog.SendDropped(Logger);
        return ValueTask.FromResult(SendResult.Dropped(ReadOnlyReason));
    }

    /// <inheritdoc />
    protected override ValueTask DisposeCoreAsync()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }

        return base.DisposeCoreAsync();
    }

    // Keyless reading sends nothing; the limits only size the replies the engine prepares before they are dropped.
    private static PlatformLimits LimitsFor(YouTubeOptions options) =>
        new() { MaxMessageLength = options.MaxMessageLength, MessagesPerWindow = 10, SendWindow = TimeSpan.FromSeconds(30) };

    // One get_live_chat request; returns how long to wait before the next one.
    private async Task<TimeSpan> PollAsync(CancellationToken cancellationToken)
    {
        var session = _session!;
        HttpStatusCode status;
        byte[] body;
        try
        {
            (status, body) = await _client.GetLiveChatAsync(session, _continuation!, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A broken connection, or the HttpClient's own timeout: tried again like a 5xx.
            return Refused(ex is OperationCanceledException ? "no answer in time" : ex.Message);
        }

        if (status != HttpStatusCode.OK)
        {
            return Refused($"HTTP {(int)status}");
        }

        var page = _parser!.Parse(body);
        foreach (var problem in page.Problems)
        {
            YouTubeLog.ItemSkipped(Logger, problem);
        }

        foreach (var renderer in page.NewUnknownRenderers)
        {
            YouTubeLog.UnknownRenderer(Logger, renderer);
        }

        if (!page.IsReadable)
        {
            return Refused("the answer was not live-chat JSON");
        }

        foreach (var chatEvent in page.Events)
        {
            _pending.Enqueue(chatEvent);
        }

        _continuation = page.Continuation;
        _backoff.Reset();
        SetState(ConnectionState.Connected);
        var asked = page.Timeout ?? _options.MaxPollInterval;
        return asked < _options.MinPollInterval ? _options.MinPollInterval : asked > _options.MaxPollInterval ? _options.MaxPollInterval : asked;
    }

    private TimeSpan Refused(string reason)
    {
        var delay = _backoff.Next();
        YouTubeLog.PollRefused(Logger, _session!.VideoId, reason, delay);
        SetState(ConnectionState.Reconnecting);
        return delay;
    }
}
