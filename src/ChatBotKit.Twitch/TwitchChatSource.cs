using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Twitch.Connection;
using ChatBotKit.Twitch.EventSub;
using ChatBotKit.Twitch.Helix;
using ChatBotKit.Twitch.Sending;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch;

/// <summary>
/// Twitch chat over IRCv3 (TLS, TCP or WebSocket). A reader loop parses lines into events and
/// answers PINGs, a writer loop owns the socket's output, and a send loop paces the bot's messages
/// under Twitch's limits, each channel on its own; nothing the engine does can delay reading. The connection is watched,
/// re-established with exponential backoff and jitter, and every channel is rejoined.
/// </summary>
public sealed class TwitchChatSource : ChatSourceBase, IChannelMembership
{
    private readonly TwitchSendPolicy _policy;
    private readonly Channel<ChatEvent> _events;
    private readonly JoinedChannels _channels;
    private readonly TwitchConnection _connection;
    private readonly TwitchSender _sender;
    private readonly EventSubFeed? _feed;
    private long _eventsDropped;

    /// <summary>Creates a source, not yet connected.</summary>
    /// <param name="options">How to connect; see <see cref="TwitchOptions"/>.</param>
    /// <param name="context">Channels to join, logging and the clock; <see langword="null"/> for defaults and no channels.</param>
    public TwitchChatSource(TwitchOptions options, ChatSourceContext? context = null)
        : base(ChatPlatform.Twitch, LimitsOf(options), (context ?? new()).LoggerFactory.CreateLogger<TwitchChatSource>())
    {
        options.Validate();
        context ??= new ChatSourceContext();
        IsAnonymous = options.IsAnonymous;
        Nick = IsAnonymous ? $"justinfan{Random.Shared.Next(1000, 81000)}" : options.Nick!.Trim().ToLowerInvariant();
        var time = context.TimeProvider;
        _policy = new TwitchSendPolicy(options.Send, time, Statistics);

        // One writer at a time: the line router hands events on under its lock (EventSub beside it is a second writer).
        _events = Channel.CreateBounded<ChatEvent>(
            new BoundedChannelOptions(options.EventCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = !options.EventSubBesideIrc },
            _ => { Interlocked.Increment(ref _eventsDropped); TwitchLog.EventDropped(Logger); });
        _channels = new JoinedChannels(options.Send, time);
        foreach (var channel in context.Channels)
        {
            _channels.Add(NormalizeChannel(channel));
        }

        var router = new TwitchLineRouter(_policy, _events.Writer, time, Logger);
        _connection = new TwitchConnection(options, Nick, router, _channels, Statistics, state => SetState(state), time, Logger, DisposalToken);
        _sender = new TwitchSender(options.Send, _policy, Statistics, new IrcChatWriter(_connection), time, Logger);
        if (options.EventSubBesideIrc)
        {
            _feed = new EventSubFeed(options, EventSubType.BesideIrc, _events.Writer, _ => { }, reason => TwitchAuthLog.Stopped(Logger, reason.Message), time, Logger, DisposalToken);
        }
    }

    /// <summary>What was sent, held back or lost.</summary>
    public TwitchSendStatistics Statistics { get; } = new();

    /// <summary>Events dropped because the engine did not keep up (the oldest go first).</summary>
    public long EventsDropped => Interlocked.Read(ref _eventsDropped);

    /// <summary>The login in use: the configured nick, or an anonymous <c>justinfan</c> name.</summary>
    public string Nick { get; }

    /// <summary>Whether the source is anonymous and so cannot send.</summary>
    public bool IsAnonymous { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<string> Channels => _channels.All;

    /// <summary>Whether the bot is moderator, VIP or broadcaster in <paramref name="channel"/>, as the last USERSTATE said.</summary>
    public bool IsElevatedIn(string channel) => _policy.IsElevated(NormalizeChannel(channel));

    /// <summary>The slow-mode interval Twitch's last ROOMSTATE gave <paramref name="channel"/> (zero when off); the bot keeps to it unless it is moderator or broadcaster there.</summary>
    public TimeSpan SlowModeIn(string channel) => _policy.SlowModeOf(NormalizeChannel(channel));

    /// <inheritdoc />
    public async ValueTask JoinAsync(string channel, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        channel = NormalizeChannel(channel);
        if (_channels.Add(channel) && _connection.Current is { IsCompletedSuccessfully: true } ready)
        {
            await _channels.JoinOnAsync(ready.Result, channel, cancellationToken).ConfigureAwait(false);
        }

        if (_feed is not null)
        {
            await _feed.JoinAsync(channel, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask LeaveAsync(string channel, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        channel = NormalizeChannel(channel);
        if (_channels.Remove(channel) && _connection.Current is { IsCompletedSuccessfully: true } ready)
        {
            ready.Result.TryWrite("PART #" + channel);
        }

        if (_feed is not null)
        {
            await _feed.LeaveAsync(channel, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Lower case without the leading <c>#</c>.</summary>
    internal static string NormalizeChannel(string channel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        return channel.Trim().TrimStart('#').ToLowerInvariant();
    }

    /// <inheritdoc />
    protected override async ValueTask ConnectCoreAsync(CancellationToken cancellationToken)
    {
        await _connection.ConnectAsync(cancellationToken).ConfigureAwait(false);
        if (_feed is not null)
        {
            await _feed.ConnectAsync(() => _channels.All, cancellationToken).ConfigureAwait(false);
        }

        _sender.Start(DisposalToken);
    }

    /// <inheritdoc />
    protected override IAsyncEnumerable<ChatEvent> ReadEventsCoreAsync(CancellationToken cancellationToken) =>
        _events.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Queues the message; the send loop sends it when Twitch's limits allow. Never waits for the network.</summary>
    protected override ValueTask<SendResult> SendCoreAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var channel = NormalizeChannel(message.Channel);
        if (IsAnonymous)
        {
            Statistics.CountAnonymousDrop();
            return ValueTask.FromResult(NotSent(channel, "the connection is anonymous (read-only); set TwitchOptions.Nick and the token variable"));
        }

        if (message.Kind == MessageKind.Private)
        {
            Statistics.CountStoppedChannelDrop();
            return ValueTask.FromResult(NotSent(channel, "whispers cannot be sent over IRC (Twitch needs the Helix API for them)"));
        }

        return ValueTask.FromResult(_sender.Queue(channel, message));
    }

    private SendResult NotSent(string channel, string reason)
    {
        TwitchLog.NotSent(Logger, channel, reason);
        return SendResult.Dropped(reason);
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeCoreAsync()
    {
        _sender.Complete();
        await _connection.StoppedAsync().ConfigureAwait(false);
        if (_feed is not null)
        {
            await _feed.DisposeAsync().ConfigureAwait(false);
        }

        await _sender.StoppedAsync().ConfigureAwait(false);
        _events.Writer.TryComplete();
        _channels.Dispose();
        await base.DisposeCoreAsync().ConfigureAwait(false);
    }

    internal static PlatformLimits LimitsOf(TwitchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PlatformLimits
        {
            MaxMessageLength = options.Send.MaxMessageLength,
            MessagesPerWindow = options.Send.MessagesPerWindow,
            SendWindow = options.Send.Window,
        };
    }
}
