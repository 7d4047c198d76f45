using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using ChatBotKit.Nats.Protocol;

namespace ChatBotKit.Nats;

public sealed partial class NatsConnection
{
    /// <summary>
    /// Connects to the first seed server that accepts, then keeps the connection alive in the
    /// background. Calling it again while connected does nothing.
    /// </summary>
    /// <exception cref="NatsServerErrorException">A server refused the connection (for example authorization).</exception>
    /// <exception cref="NatsException">No server could be reached.</exception>
    public async ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(State == NatsConnectionState.Closed, this);
        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_session is not null)
            {
                return;
            }

            Exception? last = null;
            foreach (var server in _pool.Snapshot())
            {
                try
                {
                    await StartSessionAsync(server, cancellationToken).ConfigureAwait(false);
                    _supervisor = Task.Run(SuperviseAsync, CancellationToken.None);
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    NatsLog.ConnectFailed(_logger, ex, server.GetLeftPart(UriPartial.Authority));
                    last = ex;
                }
            }

            throw last as NatsServerErrorException
                ?? new NatsException($"Could not connect to any NATS server ({string.Join(", ", _pool.Snapshot().Select(s => s.Authority))}).", last!);
        }
        finally
        {
            _connectLock.Release();
        }
    }

    /// <summary>Sends a PING and waits for its PONG: every command sent before has then been processed by the server.</summary>
    /// <exception cref="NatsException">The connection was lost before the PONG.</exception>
    public async ValueTask PingAsync(CancellationToken cancellationToken = default)
    {
        var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _writer.WritePing(waiter);
        if (!await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new NatsException("The connection was lost before the server answered the PING.");
        }
    }

    private async Task StartSessionAsync(Uri server, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, _disposal.Token);
        var session = await OpenAsync(server, linked.Token).ConfigureAwait(false);
        try
        {
            _handshake = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _session = session;
            session.Loops.Add(Task.Run(() => ReadLoopAsync(session), CancellationToken.None));
            await session.Stream.WriteAsync(ConnectCommand.Build(Options, server, session.Stream is SslStream), linked.Token).ConfigureAwait(false);
            await _handshake.Task.WaitAsync(linked.Token).ConfigureAwait(false);
            _handshake = null;
        }
        catch
        {
            _handshake = null;
            _session = null;
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _pool.MarkCurrent(server);
        _writer.Attach(ResubscribeCommands());
        session.Loops.Add(Task.Run(() => WriteLoopAsync(session), CancellationToken.None));
        session.Loops.Add(Task.Run(() => KeepAliveAsync(session), CancellationToken.None));
        SetState(NatsConnectionState.Connected);
        NatsLog.Connected(_logger, server.GetLeftPart(UriPartial.Authority), session.Info.ServerId, session.Info.Version);
    }

    private async Task<ServerSession> OpenAsync(Uri server, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(server.Host, server.Port < 0 ? 4222 : server.Port, cancellationToken).ConfigureAwait(false);
            Stream stream = new NetworkStream(socket, ownsSocket: false);
            var info = ServerInfo.Parse(await ReadInfoAsync(stream, cancellationToken).ConfigureAwait(false));
            if (Options.RequireTls || server.Scheme == "tls" || info.TlsRequired)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                await tls.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = server.Host,
                        RemoteCertificateValidationCallback = Options.CertificateValidation,
                    },
                    cancellationToken).ConfigureAwait(false);
                stream = tls;
            }

            LearnServers(info);
            return new ServerSession(server, socket, stream, info);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // The server sends INFO and then waits for CONNECT (and for the TLS handshake when it wants TLS),
    // so reading up to the first line end never swallows later protocol.
    private static async Task<byte[]> ReadInfoAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[ProtocolParser.MaxControlLine];
        var length = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new NatsException("The server closed the connection before sending INFO.");
            }

            length += read;
            var end = buffer.AsSpan(0, length).IndexOf("\r\n"u8);
            if (end >= 0)
            {
                var line = buffer.AsSpan(0, end);
                if (!line.StartsWith("INFO "u8))
                {
                    throw new NatsException($"Expected INFO from the server, got: {Encoding.UTF8.GetString(line[..Math.Min(line.Length, 80)])}");
                }

                return line[5..].ToArray();
            }

            if (length == buffer.Length)
            {
                throw new NatsException("The server's INFO line is too long.");
            }
        }
    }

    private List<byte[]> ResubscribeCommands() =>
        _targets.Values.OrderBy(t => t.Sid).Select(t => CommandEncoder.Subscribe(t.Subject, t.QueueGroup, t.Sid)).ToList();

    private void LearnServers(ServerInfo info)
    {
        var added = _pool.Learn(info.ConnectUrls);
        if (added > 0)
        {
            NatsLog.LearnedServers(_logger, added);
        }
    }
}
