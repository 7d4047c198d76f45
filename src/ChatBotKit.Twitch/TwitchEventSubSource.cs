using System.Collections.Immutable;
using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Twitch.EventSub;
using ChatBotKit.Twitch.Helix;
using ChatBotKit.Twitch.Sending;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch;

/// <summary>
/// Twitch chat over EventSub (WebSocket) and Helix: chat messages, notices, follows, channel-point
/// redemptions and stream status arrive as events; the bot's messages go through Helix "Send Chat
/// Message" under the same pacing as the IRC source, and each send says whether Twitch took it.
/// Channels are joined and left in place: their subscriptions are created or deleted on the open session.
/// Needs a user token with <c>user:read:chat</c> and <c>user:write:chat</c> (see docs/twitch.md).
/// </summary>
public sealed class TwitchEventSubSource : ChatSourceBase, IChannelMembership
{
    private readonly Channel<ChatEvent> _events;
    private ImmutableHashSet<string> _channels;
    private readonly EventSubFeed _feed;
    private readonly TwitchSender _sender;
    private long _eventsDropped;

    /// <summary>Creates a source, not yet connected.</summary>
    /// <param name="options">How to connect; see <see cref="TwitchOptions"/>.</param>
    /// <param name="context">Channels to read, logging and the clock; <see langword="null"/> for defaults and no channels.</param>
    public TwitchEventSubSource(TwitchOptions options, ChatSourceContext? context = null)
        : base(ChatPlatform.Twitch, TwitchChatSource.LimitsOf(options), (context ?? new()).LoggerFactory.CreateLogger<TwitchEventSubSource>())
    {
        options.Validate();
        context ??= new ChatSourceContext();
        var time = context.TimeProvider;
        _channels = [.. context.Channels.Select(TwitchChatSource.NormalizeChannel)];
        _events = Channel.CreateBounded<ChatEvent>(
            new BoundedChannelOptions(options.EventCapacity) { FullMode = BoundedChannelFullMode.DropOldest },
            _ => { Interlocked.Increment(ref _eventsDropped); EventSubLog.EventDropped(Logger); });
        _feed = new EventSubFeed(options, EventSubType.ForChat, _events.Writer, state => SetState(state), Stop, time, Logger, DisposalToken);
        var policy = new TwitchSendPolicy(options.Send, time, Statistics);
        _sender = new TwitchSender(options.Send, policy, Statistics, new HelixChatWriter(_feed.ChatHelix, _feed.BroadcasterIdOf, Statistics, time), time, Logger);
    }

    /// <summary>What was sent, held back or lost.</summary>
    public TwitchSendStatistics Statistics { get; } = new();

    /// <summary>Events dropped because the engine did not keep up (the oldest go first).</summary>
    public long EventsDropped => Interlocked.Read(ref _eventsDropped);

    /// <summary>The channels read, lower case.</summary>
    public IReadOnlyCollection<string> Channels => Volatile.Read(ref _channels);

    /// <summary>Reads <paramref name="channel"/> too: once connected, its user id is looked up and its subscriptions are created on the open session, without a reconnect.</summary>
    /// <exception cref="ChatBotKitException">Twitch knows no such channel, or it would pass the 300 subscriptions of one WebSocket.</exception>
    public async ValueTask JoinAsync(string channel, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        channel = TwitchChatSource.NormalizeChannel(channel);
        if (!ImmutableInterlocked.Update(ref _channels, (set, login) => set.Add(login), channel))
        {
            return;
        }

        try
        {
            await _feed.JoinAsync(channel, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            ImmutableInterlocked.Update(ref _channels, (set, login) => set.Remove(login), channel);
            throw;
        }
    }

    /// <summary>Stops reading <paramref name="channel"/>: its subscriptions are deleted; messages queued for it are still sent.</summary>
    public async ValueTask LeaveAsync(string channel, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        channel = TwitchChatSource.NormalizeChannel(channel);
        if (ImmutableInterlocked.Update(ref _channels, (set, login) => set.Remove(login), channel))
        {
            await _feed.LeaveAsync(channel, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override async ValueTask ConnectCoreAsync(CancellationToken cancellationToken)
    {
        await _feed.ConnectAsync(() => Volatile.Read(ref _channels), cancellationToken).ConfigureAwait(false);
        _sender.Start(DisposalToken);
    }

    /// <inheritdoc />
    protected override IAsyncEnumerable<ChatEvent> ReadEventsCoreAsync(CancellationToken cancellationToken) =>
        _events.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Sends through Helix when the pacing allows, and says what Twitch answered (<c>is_sent:false</c> is a drop with Twitch's reason).</summary>
    protected override async ValueTask<SendResult> SendCoreAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var channel = TwitchChatSource.NormalizeChannel(message.Channel);
        if (message.Kind == MessageKind.Private)
        {
            Statistics.CountStoppedChannelDrop();
            return SendResult.Dropped("whispers are not sent by the Twitch chat source");
        }

        return await _sender.SendAsync(channel, message).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeCoreAsync()
    {
        _sender.Complete();
        await _feed.DisposeAsync().ConfigureAwait(false);
        await _sender.StoppedAsync().ConfigureAwait(false);
        _events.Writer.TryComplete();
        await base.DisposeCoreAsync().ConfigureAwait(false);
    }

    // A token Twitch rejected for good: say how to fix it and end reading, without reconnecting.
    private void Stop(Exception reason)
    {
        TwitchAuthLog.Stopped(Logger, reason.Message);
        _events.Writer.TryComplete();
        SetState(ConnectionState.Disconnected);
    }
}
