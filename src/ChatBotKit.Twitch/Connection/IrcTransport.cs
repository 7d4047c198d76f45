using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace ChatBotKit.Twitch.Connection;

/// <summary>A line-oriented connection to an IRC server: TCP (with or without TLS) or a WebSocket.</summary>
internal abstract class IrcTransport : IAsyncDisposable
{
    /// <summary>Reads the next line without its ending; <see langword="null"/> when the server closed the connection.</summary>
    public abstract ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken);

    /// <summary>How many lines were skipped for being longer than <see cref="LineBuffer.DefaultMaxLineBytes"/>.</summary>
    public long SkippedLines => Lines.SkippedLines;

    /// <summary>What has been received and not yet read as lines.</summary>
    protected LineBuffer Lines { get; } = new();

    /// <summary>Writes one line; the CRLF is added here.</summary>
    public abstract ValueTask WriteLineAsync(string line, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>Opens a transport for <c>ircs://</c>, <c>irc://</c>, <c>wss://</c> or <c>ws://</c>.</summary>
    public static async Task<IrcTransport> OpenAsync(Uri server, CancellationToken cancellationToken)
    {
        switch (server.Scheme)
        {
            case "irc" or "ircs":
                var client = new TcpClient { NoDelay = true };
                try
                {
                    await client.ConnectAsync(server.Host, server.Port > 0 ? server.Port : DefaultPort(server.Scheme), cancellationToken).ConfigureAwait(false);
                    Stream stream = client.GetStream();
                    if (server.Scheme == "ircs")
                    {
                        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                        stream = tls;
                        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = server.Host }, cancellationToken).ConfigureAwait(false);
                    }

                    return new StreamIrcTransport(client, stream);
                }
                catch
                {
                    client.Dispose();
                    throw;
                }

            case "ws" or "wss":
                var socket = new ClientWebSocket();

                // Browsers always send an Origin; some IRC servers (InspIRCd) refuse an upgrade without one.
                socket.Options.SetRequestHeader("Origin", $"{(server.Scheme == "wss" ? "https" : "http")}://{server.Authority}");
                try
                {
                    await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
                    return new WebSocketIrcTransport(socket);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }

            default:
                throw new NotSupportedException($"TwitchOptions.Server: scheme '{server.Scheme}' is not one of ircs, irc, wss, ws.");
        }
    }

    /// <summary>The port to use for <paramref name="scheme"/> when the address names none.</summary>
    public static int DefaultPort(string scheme) => scheme switch
    {
        "ircs" => 6697,
        "irc" => 6667,
        "wss" => 443,
        _ => 80,
    };
}
