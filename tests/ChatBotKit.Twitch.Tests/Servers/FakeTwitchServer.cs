using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using ChatBotKit.Testing;
using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.Tests.Servers;

/// <summary>
/// A local stand-in for Twitch's IRC edge (TCP or WebSocket): it logs clients in with Twitch's
/// capabilities, answers JOIN with ROOMSTATE and USERSTATE, replays recorded lines, and checks every
/// PRIVMSG against Twitch's limits (account window, per-channel gap, slow mode, the 30-second
/// duplicate rule), counting violations and answering them with Twitch's NOTICEs.
/// </summary>
public sealed class FakeTwitchServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, LoopbackPort.GetFree());
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<LineConnection, ConcurrentDictionary<string, byte>> _connections = new();
    private readonly ConcurrentDictionary<string, int> _slow = new(StringComparer.Ordinal);
    private readonly Channel<ReceivedMessage> _received = Channel.CreateUnbounded<ReceivedMessage>();
    private readonly Channel<string> _joins = Channel.CreateUnbounded<string>();
    private readonly List<ReceivedMessage> _all = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly bool _webSocket;
    private readonly Task _accept;
    private int _violations;
    private int _logins;
    private int _pings;

    public FakeTwitchServer(TimeProvider? clock = null, bool webSocket = false, string badges = "")
    {
        _clock = clock ?? TimeProvider.System;
        _webSocket = webSocket;
        Badges = badges;
        _listener.Start();
        _accept = AcceptLoopAsync();
    }

    public Uri Address => new($"{(_webSocket ? "ws" : "irc")}://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>The badges USERSTATE gives the bot (for example <c>moderator/1</c>).</summary>
    public string Badges { get; set; }

    /// <summary>How late a message may arrive relative to the client's clock before it counts against a later window.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.Zero;

    /// <summary>Whether PRIVMSGs are judged by Twitch's limits (off for clients deliberately configured with open limits).</summary>
    public bool EnforceLimits { get; set; } = true;

    /// <summary>Whether JOIN is answered with ROOMSTATE, as Twitch does.</summary>
    public bool SendRoomState { get; set; } = true;

    /// <summary>Whether PINGs are answered; a silent server looks dead to the client's watchdog.</summary>
    public bool AnswerPings { get; set; } = true;

    /// <summary>
    /// The login (counted from 1) whose first JOIN is answered with a RECONNECT before anything else,
    /// as when Twitch restarts the server a client has just moved to; 0 for none.
    /// </summary>
    public int ReconnectAtJoinOfLogin { get; set; }

    public int Pings => Volatile.Read(ref _pings);

    public int Violations => Volatile.Read(ref _violations);

    public int Logins => Volatile.Read(ref _logins);

    /// <summary>Client connections open now.</summary>
    public int ConnectionCount => _connections.Count;

    public IReadOnlyList<ReceivedMessage> AllReceived
    {
        get
        {
            lock (_gate)
            {
                return [.. _all];
            }
        }
    }

    public List<string> LastPasswords { get; } = [];

    /// <summary>Sends a line to every connected client.</summary>
    public async Task PushAsync(string line)
    {
        foreach (var connection in _connections.Keys)
        {
            await connection.WriteLineAsync(line);
        }
    }

    /// <summary>Sends a line to every client connection that has joined <paramref name="channel"/>, as Twitch relays chat.</summary>
    public async Task PushToChannelAsync(string channel, string line)
    {
        foreach (var (connection, joined) in _connections)
        {
            if (joined.ContainsKey(channel))
            {
                try
                {
                    await connection.WriteLineAsync(line);
                }
                catch (Exception)
                {
                    // The client closed this connection a moment ago; the serving loop removes it.
                }
            }
        }
    }

    /// <summary>Puts <paramref name="channel"/> in slow mode (0 turns it off), enforced from now on, and tells the clients with a ROOMSTATE.</summary>
    public async Task SetSlowModeAsync(string channel, int seconds)
    {
        _slow[channel] = seconds;
        await PushToChannelAsync(channel, $"@room-id=2;slow={seconds} :tmi.twitch.tv ROOMSTATE #{channel}");
    }

    public async Task<ReceivedMessage> NextReceivedAsync(TimeSpan timeout) => await _received.Reader.ReadAsync().AsTask().WaitAsync(timeout);

    public async Task<string> NextJoinAsync(TimeSpan timeout) => await _joins.Reader.ReadAsync().AsTask().WaitAsync(timeout);

    /// <summary>Closes every client connection from the server side.</summary>
    public async Task DropConnectionsAsync()
    {
        foreach (var connection in _connections.Keys)
        {
            _connections.TryRemove(connection, out _);
            await connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await DropConnectionsAsync();
        await _accept.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        LineConnection? connection = null;
        try
        {
            connection = await LineConnection.AcceptAsync(client, _webSocket);
            var joined = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
            _connections[connection] = joined;
            var nick = "anonymous";
            var login = 0;
            while (await connection.ReadLineAsync(_stop.Token) is { } text)
            {
                var line = IrcLine.Parse(text);
                switch (line.Command)
                {
                    case "CAP" when line.Parameter(0) is "REQ":
                        await connection.WriteLineAsync($":tmi.twitch.tv CAP * ACK :{line.LastParameter}");
                        break;
                    case "PASS":
                        lock (_gate)
                        {
                            LastPasswords.Add(line.LastParameter.ToString());
                        }

                        break;
                    case "NICK":
                        nick = line.LastParameter.ToString();
                        login = Interlocked.Increment(ref _logins);
                        await connection.WriteLineAsync($":tmi.twitch.tv 001 {nick} :Welcome, GLHF!");
                        await connection.WriteLineAsync($"@badge-info=;badges=;color=;display-name={nick};emote-sets=0;user-id=1;user-type= :tmi.twitch.tv GLOBALUSERSTATE");
                        break;
                    case "JOIN":
                        if (login == ReconnectAtJoinOfLogin && joined.IsEmpty)
                        {
                            await connection.WriteLineAsync(":tmi.twitch.tv RECONNECT");
                        }

                        var channel = line.Parameter(0).ToString();
                        joined[channel.TrimStart('#')] = 0;
                        await connection.WriteLineAsync($":{nick}!{nick}@{nick}.tmi.twitch.tv JOIN {channel}");
                        if (SendRoomState)
                        {
                            await connection.WriteLineAsync($"@emote-only=0;followers-only=-1;r9k=0;room-id=2;slow={_slow.GetValueOrDefault(channel.TrimStart('#'))};subs-only=0 :tmi.twitch.tv ROOMSTATE {channel}");
                        }

                        await connection.WriteLineAsync($"@badge-info=;badges={Badges};color=;display-name={nick};emote-sets=0;mod={(Badges.Contains("moderator", StringComparison.Ordinal) ? 1 : 0)};subscriber=0;user-type= :tmi.twitch.tv USERSTATE {channel}");
                        _joins.Writer.TryWrite(channel.TrimStart('#'));
                        break;
                    case "PING":
                        Interlocked.Increment(ref _pings);
                        if (!AnswerPings)
                        {
                            break;
                        }

                        await connection.WriteLineAsync($":tmi.twitch.tv PONG tmi.twitch.tv :{line.LastParameter}");
                        break;
                    case "PRIVMSG":
                        await OnPrivmsgAsync(connection, line);
                        break;
                    default:
                        break;
                }
            }
        }
        catch (Exception)
        {
            // A dropped client; nothing to do.
        }
        finally
        {
            if (connection is not null)
            {
                _connections.TryRemove(connection, out _);
                await connection.DisposeAsync();
            }
        }
    }

    private async Task OnPrivmsgAsync(LineConnection connection, IrcLine line)
    {
        var message = new ReceivedMessage(line.Parameter(0).ToString().TrimStart('#'), line.LastParameter.ToString(), line.GetTag("reply-parent-msg-id"), _clock.GetUtcNow());
        string? notice;
        lock (_gate)
        {
            notice = EnforceLimits ? Check(message) : null;
            _all.Add(message);
        }

        if (notice is not null)
        {
            Interlocked.Increment(ref _violations);
            await connection.WriteLineAsync($"@msg-id={notice} :tmi.twitch.tv NOTICE #{message.Channel} :Your message was not sent ({notice}).");
        }

        _received.Writer.TryWrite(message);
    }

    // Twitch's rules, judged by arrival time less the tolerance for delivery latency.
    private string? Check(ReceivedMessage message)
    {
        var elevated = Badges.Contains("moderator", StringComparison.Ordinal) || Badges.Contains("vip", StringComparison.Ordinal) || Badges.Contains("broadcaster", StringComparison.Ordinal);
        var window = TimeSpan.FromSeconds(30) - Tolerance;
        var inWindow = _all.Count(m => message.Time - m.Time < window);
        if (inWindow >= (elevated ? 100 : 20))
        {
            return "msg_ratelimit";
        }

        var previous = _all.LastOrDefault(m => m.Channel == message.Channel);
        if (previous is null)
        {
            return null;
        }

        if (!elevated && message.Time - previous.Time < TimeSpan.FromSeconds(1) - Tolerance)
        {
            return "msg_ratelimit";
        }

        // Slow mode binds everyone but moderators and the broadcaster.
        var exempt = Badges.Contains("moderator", StringComparison.Ordinal) || Badges.Contains("broadcaster", StringComparison.Ordinal);
        if (!exempt && _slow.GetValueOrDefault(message.Channel) is > 0 and var slow && message.Time - previous.Time < TimeSpan.FromSeconds(slow) - Tolerance)
        {
            return "msg_slowmode";
        }

        return previous.Text == message.Text && message.Time - previous.Time < window ? "msg_duplicate" : null;
    }
}

