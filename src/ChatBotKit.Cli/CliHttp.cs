using ChatBotKit.Hosting;
using ChatBotKit.Hosting.AspNetCore;
using ChatBotKit.Hosting.Configuration;
using ChatBotKit.Hosting.Health;
using ChatBotKit.Hosting.Metrics;

namespace ChatBotKit.Cli;

/// <summary>
/// <c>--http host:port</c>: serves <c>/health</c> and <c>/metrics</c> for the command's bot.
/// <c>run</c> listens on <see cref="HttpEndpointOptions.DefaultEndpoint"/> unless told otherwise;
/// <c>off</c> turns it off. A port that is taken is a usage error when asked for, and only a
/// notice for the default.
/// </summary>
internal sealed class CliHttp : IAsyncDisposable
{
    public const string Off = "off";

    private readonly ChatBotHealth _health;
    private readonly PrometheusExporter _exporter;
    private readonly RunningChatBots _bots = new();
    private ChatBotHttpServer? _server;

    private CliHttp()
    {
        _health = new ChatBotHealth(_bots);
        _exporter = new PrometheusExporter();
    }

    /// <summary>Starts listening (or not, for <see langword="null"/> and <c>off</c>). Call before the bot handles events, so the metrics see them.</summary>
    public static async Task<CliHttp> StartAsync(string? asked, string? fallback, CliStreams io, CancellationToken cancellationToken)
    {
        var http = new CliHttp();
        var endpoint = asked ?? fallback;
        if (endpoint is null || string.Equals(endpoint, Off, StringComparison.OrdinalIgnoreCase))
        {
            return http;
        }

        try
        {
            ChatBotHttpServer.ToUrl(endpoint);
        }
        catch (ArgumentException e)
        {
            await http.DisposeAsync().ConfigureAwait(false);
            throw new UsageException($"--http: {e.Message.Split(" (Parameter", 2)[0]}");
        }

        try
        {
            http._server = await ChatBotHttpServer.StartAsync(endpoint, http._health, http._exporter, cancellationToken: cancellationToken).ConfigureAwait(false);
            io.Status($"serving {http._server.Address}health and {http._server.Address}metrics");
        }
        catch (IOException e) when (asked is null)
        {
            io.Status($"not serving /health and /metrics: cannot listen on {endpoint} ({e.Message}); use --http <host:port> or --http off.");
        }
        catch (IOException e)
        {
            await http.DisposeAsync().ConfigureAwait(false);
            throw new UsageException($"--http: cannot listen on {endpoint}: {e.Message}");
        }

        return http;
    }

    /// <summary>Shows <paramref name="runtime"/> in <c>/health</c>.</summary>
    public void Add(ChatBotRuntime runtime) => _bots.Add(runtime);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        _exporter.Dispose();
        await _health.DisposeAsync().ConfigureAwait(false);
    }
}
