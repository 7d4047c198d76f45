using System.Threading.Channels;
using ChatBotKit.Twitch.Parsing;
using ChatBotKit.Twitch.Sending;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.Connection;

/// <summary>
/// One logged-in connection: its transport, its single writer loop and when it last heard from the
/// server. <see cref="TwitchSession"/> reads it; everything written goes through <see cref="TryWrite"/>.
/// </summary>
internal sealed class IrcSession : IAsyncDisposable
{
    private readonly IrcTransport _transport;
    private readonly Channel<(string Line, bool IsChat)> _writes = Channel.CreateUnbounded<(string, bool)>(new() { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private readonly TwitchSendStatistics _statistics;
    private readonly ILogger _logger;
    private readonly Lock _joinGate = new();
    private readonly HashSet<string> _joined = new(StringComparer.Ordinal);
    private TaskCompletionSource _joinedChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _writer = Task.CompletedTask;
    private long _lastActivity;

    private IrcSession(IrcTransport transport, string nick, TimeProvider time, TwitchSendStatistics statistics, ILogger logger)
    {
        _transport = transport;
        Nick = nick;
        _time = time;
        _statistics = statistics;
        _logger = logger;
        _lastActivity = time.GetTimestamp();
    }

    /// <summary>The login the session uses.</summary>
    public string Nick { get; }

    /// <summary>Whether the server granted Twitch's capabilities (tags, commands, membership).</summary>
    public bool TwitchCapabilities { get; private set; }

    /// <summary>Whether the server granted the standard IRCv3 <c>message-tags</c> capability instead.</summary>
    public bool MessageTags { get; private set; }

    /// <summary>How long since the server last sent anything.</summary>
    public TimeSpan Silence => _time.GetElapsedTime(Interlocked.Read(ref _lastActivity));

    /// <summary>Connects, requests capabilities, logs in and waits for the welcome (001).</summary>
    public static async Task<IrcSession> OpenAsync(Uri server, string nick, string? token, TimeProvider time, TwitchSendStatistics statistics, ILogger logger, CancellationToken cancellationToken)
    {
        var transport = await IrcTransport.OpenAsync(server, cancellationToken).ConfigureAwait(false);
        var session = new IrcSession(transport, nick, time, statistics, logger);
        try
        {
            await session.LogInAsync(token, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        session._writer = session.WriteLoopAsync();
        return session;
    }

    /// <summary>Reads the next line; <see langword="null"/> when the server closed the connection.</summary>
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var skipped = _transport.SkippedLines;
        try
        {
            var line = await _transport.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _lastActivity, _time.GetTimestamp());
            return line;
        }
        finally
        {
            // Also when the read ends otherwise: a server that never ends its line is cut off by the watchdog.
            for (; skipped < _transport.SkippedLines; skipped++)
            {
                TwitchLog.LineTooLong(_logger, LineBuffer.DefaultMaxLineBytes);
            }
        }
    }

    /// <summary>Queues a line for the writer loop; false when the session is closing.</summary>
    public bool TryWrite(string line, bool isChat = false) => _writes.Writer.TryWrite((line, isChat));

    /// <summary>Records that the server confirmed the bot's JOIN of <paramref name="channel"/> on this connection.</summary>
    public void ConfirmJoin(string channel)
    {
        TaskCompletionSource changed;
        lock (_joinGate)
        {
            _joined.Add(channel);
            changed = _joinedChanged;
            _joinedChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Completes when the server has confirmed a JOIN of every one of <paramref name="channels"/>.</summary>
    public async Task WaitForJoinsAsync(IReadOnlyCollection<string> channels, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_joinGate)
            {
                if (channels.All(_joined.Contains))
                {
                    return;
                }

                changed = _joinedChanged.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Lets the writer finish what is queued (for at most <paramref name="timeout"/>), then closes.</summary>
    public async ValueTask CloseAsync(TimeSpan timeout)
    {
        _writes.Writer.TryComplete();
        await _writer.WaitAsync(timeout, _time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _writer.ConfigureAwait(false);
        while (_writes.Reader.TryRead(out var unsent))
        {
            CountLost(unsent.IsChat);
        }

        await _transport.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task LogInAsync(string? token, CancellationToken cancellationToken)
    {
        await _transport.WriteLineAsync("CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership", cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            await _transport.WriteLineAsync("PASS " + (token.StartsWith("oauth:", StringComparison.Ordinal) ? token : "oauth:" + token), cancellationToken).ConfigureAwait(false);
        }

        await _transport.WriteLineAsync("NICK " + Nick, cancellationToken).ConfigureAwait(false);
        await _transport.WriteLineAsync($"USER {Nick} 0 * :{Nick}", cancellationToken).ConfigureAwait(false);
        var askedForMessageTags = false;
        while (true)
        {
            var text = await ReadLineAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new ChatBotKitException("The IRC server closed the connection during login.");
            var line = IrcLine.Parse(text);
            switch (line.Command)
            {
                case "001":
                    return;
                case "PING":
                    await _transport.WriteLineAsync("PONG :" + new string(line.LastParameter), cancellationToken).ConfigureAwait(false);
                    break;
                case "CAP" when line.Parameter(1) is "ACK":
                    TwitchCapabilities |= line.LastParameter.Contains("twitch.tv/tags", StringComparison.Ordinal);
                    MessageTags |= line.LastParameter.Contains("message-tags", StringComparison.Ordinal);
                    await _transport.WriteLineAsync("CAP END", cancellationToken).ConfigureAwait(false);
                    break;
                case "CAP" when line.Parameter(1) is "NAK":
                    TwitchLog.CapabilitiesRefused(_logger, new string(line.LastParameter));
                    var retry = !askedForMessageTags && line.LastParameter.Contains("twitch.tv/", StringComparison.Ordinal);
                    askedForMessageTags |= retry;
                    await _transport.WriteLineAsync(retry ? "CAP REQ :message-tags" : "CAP END", cancellationToken).ConfigureAwait(false);
                    break;
                case "NOTICE" when line.LastParameter.Contains("auth", StringComparison.OrdinalIgnoreCase):
                    throw new ChatBotKitException($"Twitch refused the login: {new string(line.LastParameter)}");
                case "ERROR" or "432" or "433" or "464" or "465":
                    throw new ChatBotKitException($"The IRC server refused the login: {new string(line.Command)} {new string(line.LastParameter)}");
                default:
                    break;
            }
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var (line, isChat) in _writes.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    await _transport.WriteLineAsync(line, _stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    CountLost(isChat);
                    if (ex is not OperationCanceledException)
                    {
                        TwitchLog.WriteFailed(_logger, ex);
                    }

                    _writes.Writer.TryComplete();
                    return;
                }

                if (isChat)
                {
                    _statistics.CountSent();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private void CountLost(bool isChat)
    {
        if (isChat)
        {
            _statistics.CountLostOnDisconnect();
            TwitchLog.MessageLost(_logger);
        }
    }
}
