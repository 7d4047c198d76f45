using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Twitch.Connection;
using ChatBotKit.Twitch.Parsing;
using ChatBotKit.Twitch.Sending;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch;

/// <summary>
/// Twitch chat over IRCv3 (TLS, TCP or WebSocket). A reader loop parses lines into events and
/// answers PINGs, a writer loop owns the socket's output, and a send loop paces the bot's messages
/// under Twitch's limits, each channel on its own; nothing the engine does can delay reading. The connection is watched,
/// re-established with exponential backoff and jitter, and every channel is rejoined.
/// </summary>
public sealed partial class TwitchChatSource : ChatSourceBase, IChannelMembership
{
    private readonly TwitchOptions _options;
    private readonly TimeProvider _time;
    private readonly TwitchEventParser _parser;
    private readonly TwitchSendPolicy _policy;
    private readonly Channel<ChatEvent> _events;
    private readonly TwitchOutbox _outbox;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _channels = new(StringComparer.Ordinal);
    private TaskCompletionSource<IrcSession> _ready = NewReady();
    private Task _run = Task.CompletedTask;
    private Task _retiredRun = Task.CompletedTask;
    private Task _sendLoop = Task.CompletedTask;
    private long _eventsDropped;

    /// <summary>Creates a source, not yet connected.</summary>
    /// <param name="options">How to connect; see <see cref="TwitchOptions"/>.</param>
    /// <param name="context">Channels to join, logging and the clock; <see langword="null"/> for defaults and no channels.</param>
    public TwitchChatSource(TwitchOptions options, ChatSourceContext? context = null)
        : base(ChatPlatform.Twitch, LimitsOf(options), (context ?? new()).LoggerFactory.CreateLogger<TwitchChatSource>())
    {
        options.Validate();
        context ??= new ChatSourceContext();
        _options = options;
        IsAnonymous = options.IsAnonymous;
        Nick = IsAnonymous ? $"justinfan{Random.Shared.Next(1000, 81000)}" : options.Nick!.Trim().ToLowerInvariant();
        _time = context.TimeProvider;
        _parser = new TwitchEventParser(_time);
        _policy = new TwitchSendPolicy(options.Send, _time, Statistics);
        // One writer at a time: the reader loops (two during a handover) hand lines on under _lineGate.
        _events = Channel.CreateBounded<ChatEvent>(
            new BoundedChannelOptions(options.EventCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true },
            _ => { Interlocked.Increment(ref _eventsDropped); TwitchLog.EventDropped(Logger); });
        _outbox = new TwitchOutbox(options.Send.QueueCapacity);
        foreach (var channel in context.Channels)
        {
            _channels.Add(NormalizeChannel(channel));
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
    public IReadOnlyCollection<string> Channels
    {
        get
        {
            lock (_gate)
            {
                return [.. _channels];
            }
        }
    }

    /// <summary>Whether the bot is moderator, VIP or broadcaster in <paramref name="channel"/>, as the last USERSTATE said.</summary>
    public bool IsElevatedIn(string channel) => _policy.IsElevated(NormalizeChannel(channel));

    /// <summary>The slow-mode interval Twitch's last ROOMSTATE gave <paramref name="channel"/> (zero when off); the bot keeps to it unless it is moderator or broadcaster there.</summary>
    public TimeSpan SlowModeIn(string channel) => _policy.SlowModeOf(NormalizeChannel(channel));

    /// <inheritdoc />
    protected override IAsyncEnumerable<ChatEvent> ReadEventsCoreAsync(CancellationToken cancellationToken) =>
        _events.Reader.ReadAllAsync(cancellationToken);

    /// <inheritdoc />
    protected override async ValueTask DisposeCoreAsync()
    {
        _outbox.Complete();
        await RunsAsync().ConfigureAwait(false);
        await _sendLoop.ConfigureAwait(false);
        _events.Writer.TryComplete();
        _joinGate.Dispose();
        await base.DisposeCoreAsync().ConfigureAwait(false);
    }

    // Waits for the connection's run, the run a handover retired (closing the old connection) and
    // any handover; a handover may start a new run meanwhile.
    private async Task RunsAsync()
    {
        while (true)
        {
            Task[] runs;
            lock (_gate)
            {
                runs = [_run, _retiredRun, _handover ?? Task.CompletedTask];
            }

            await Task.WhenAll(runs).ConfigureAwait(false);
            lock (_gate)
            {
                if (runs[0] == _run && runs[1] == _retiredRun && runs[2] == (_handover ?? Task.CompletedTask))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Lower case without the leading <c>#</c>.</summary>
    internal static string NormalizeChannel(string channel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        return channel.Trim().TrimStart('#').ToLowerInvariant();
    }

    private static PlatformLimits LimitsOf(TwitchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PlatformLimits
        {
            MaxMessageLength = options.Send.MaxMessageLength,
            MessagesPerWindow = options.Send.MessagesPerWindow,
            SendWindow = options.Send.Window,
        };
    }

    private static TaskCompletionSource<IrcSession> NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
