using ChatBotKit.Hosting.Configuration;
using ChatBotKit.Hosting.Health;
using ChatBotKit.Hosting.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Hosting.Http;

/// <summary>
/// Serves <c>/health</c> and <c>/metrics</c> on <c>ChatBotKit:Http:Endpoint</c> when
/// <c>ChatBotKit:Http:Enabled</c> is true, for apps that are not web apps themselves.
/// </summary>
public sealed class ChatBotHttpService(IServiceProvider services) : IHostedService
{
    private ChatBotHttpServer? _server;

    /// <summary>The address served, when enabled and started.</summary>
    public Uri? Address => _server?.Address;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = services.GetService<IConfiguration>() is { } configuration ? ChatBotConfiguration.Load(configuration) : new ChatBotHostingOptions();
        if (!options.Http.Enabled)
        {
            return;
        }

        _server = await ChatBotHttpServer.StartAsync(
            options.Http.Endpoint,
            services.GetRequiredService<ChatBotHealth>(),
            services.GetRequiredService<PrometheusExporter>(),
            services.GetService<ILoggerFactory>(),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
