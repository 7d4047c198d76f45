using System.Diagnostics;
using System.Net.Sockets;
using ChatBotKit.Testing;

namespace ChatBotKit.Twitch.Tests.Servers;

/// <summary>
/// A real InspIRCd (Debian package <c>inspircd</c>, installed when missing) with its IRCv3 and
/// WebSocket modules, on free loopback ports, run in the foreground from a temp directory and
/// killed on dispose. It refuses Twitch's capabilities, so the client must carry on with plain
/// IRCv3 <c>message-tags</c>.
/// </summary>
public sealed class InspIrcdFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cbk-inspircd-" + Guid.NewGuid().ToString("N"));
    private string _program = "";
    private Process? _process;

    public int TcpPort { get; } = LoopbackPort.GetFree();

    public int WebSocketPort { get; } = LoopbackPort.GetFree();

    public Uri TcpAddress => new($"irc://127.0.0.1:{TcpPort}");

    public Uri WebSocketAddress => new($"ws://127.0.0.1:{WebSocketPort}");

    public async Task InitializeAsync()
    {
        _program = DebianPackage.EnsureInstalled("inspircd", "inspircd");
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, "inspircd.conf"), Config());
        await StartAsync();
    }

    /// <summary>Kills the server (every client connection dies with it) and starts it again on the same ports.</summary>
    public async Task RestartAsync()
    {
        Kill();
        await StartAsync();
    }

    public Task DisposeAsync()
    {
        Kill();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open; the temp directory is cleaned up later.
        }

        return Task.CompletedTask;
    }

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo(_program)
        {
            ArgumentList = { "--nofork", "--nopid", "--runasroot", "--config=" + Path.Combine(_directory, "inspircd.conf") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("inspircd did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", TcpPort);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    private string Config() => $"""
        <config format="xml">
        <server name="irc.test.local" description="ChatBotKit test server" network="TestNet">
        <admin name="Test" nick="test" email="test@test.local">
        <path configdir="{_directory}" datadir="{_directory}" logdir="{_directory}" moduledir="/usr/lib/inspircd/modules">
        <bind address="127.0.0.1" port="{TcpPort}" type="clients">
        <bind address="127.0.0.1" port="{WebSocketPort}" type="clients" hook="websocket">
        <connect name="main" allow="*" timeout="60" pingfreq="120" maxchans="100" localmax="1000" globalmax="1000" commandrate="1000000" fakelag="no" limit="5000" recvq="65536" sendq="1048576" softsendq="1048576" hardsendq="4194304" threshold="1000" resolvehostnames="no" useident="no">
        <dns timeout="1">
        <security hideserver="irc.test.local">
        <module name="cap">
        <module name="ircv3">
        <module name="ircv3_ctctags">
        <module name="ircv3_msgid">
        <module name="sha1">
        <module name="websocket">
        <websocket sendastext="yes">
        <wsorigin allow="*">
        <log method="file" type="* -USERINPUT -USEROUTPUT" level="default" target="ircd.log">
        """;
}

