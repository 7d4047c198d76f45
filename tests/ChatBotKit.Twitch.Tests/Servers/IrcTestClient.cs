using System.Net.Sockets;
using System.Text;

namespace ChatBotKit.Twitch.Tests.Servers;

/// <summary>A plain IRC viewer for tests: logs in with <c>message-tags</c>, joins, writes lines and waits for lines.</summary>
public sealed class IrcTestClient : IAsyncDisposable
{
    private readonly TcpClient _client = new();
    private StreamReader _reader = null!;
    private StreamWriter _writer = null!;

    public static async Task<IrcTestClient> ConnectAsync(int port, string nick, string channel)
    {
        var client = new IrcTestClient();
        await client._client.ConnectAsync("127.0.0.1", port);
        var stream = client._client.GetStream();
        client._reader = new StreamReader(stream, Encoding.UTF8);
        client._writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await client.SendAsync("CAP REQ :message-tags");
        await client.SendAsync($"NICK {nick}");
        await client.SendAsync($"USER {nick} 0 * :{nick}");
        await client.WaitForAsync(l => l.Contains(" ACK ", StringComparison.Ordinal));
        await client.SendAsync("CAP END");
        await client.WaitForAsync(l => l.Contains(" 001 ", StringComparison.Ordinal));
        await client.SendAsync($"JOIN #{channel}");
        await client.WaitForAsync(l => l.Contains(" 366 ", StringComparison.Ordinal));
        return client;
    }

    public Task SendAsync(string line) => _writer.WriteLineAsync(line);

    /// <summary>Reads lines (answering PINGs) until one matches.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        var seen = new List<string>();
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(cts.Token) ?? throw new IOException("the server closed the connection");
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("no matching line; saw:\n" + string.Join("\n", seen));
            }

            seen.Add(line);
            if (line.StartsWith("PING", StringComparison.Ordinal))
            {
                await SendAsync("PONG" + line[4..]);
            }
            else if (match(line))
            {
                return line;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
