using System.Diagnostics;
using System.Net.Sockets;
using ChatBotKit.Testing;

namespace ChatBotKit.Nats.Tests.Fixtures;

/// <summary>A real nats-server on a loopback port in a temp dir; can be killed and started again on the same port.</summary>
public sealed class NatsServer : IAsyncDisposable
{
    private readonly string _binary;
    private readonly string _directory;
    private readonly string[] _arguments;
    private Process? _process;

    private NatsServer(string[] arguments, int port)
    {
        _binary = DebianPackage.EnsureInstalled("nats-server", "nats-server");
        _directory = Directory.CreateTempSubdirectory("nats-test-").FullName;
        _arguments = arguments;
        Port = port;
    }

    public int Port { get; }

    public Uri Url => new($"nats://127.0.0.1:{Port}");

    /// <summary>Starts a server with extra command-line arguments (auth, cluster).</summary>
    public static async Task<NatsServer> StartAsync(params string[] arguments) => await StartOnAsync(LoopbackPort.GetFree(), arguments);

    public static async Task<NatsServer> StartOnAsync(int port, params string[] arguments)
    {
        var server = new NatsServer(arguments, port);
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo(_binary)
        {
            WorkingDirectory = _directory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in (string[])["-a", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. _arguments])
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info)!;
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Kills the server (no goodbye to clients) and waits for it to exit.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp dir left behind is harmless.
        }
    }
}
