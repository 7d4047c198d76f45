using ChatBotKit.Hosting.Configuration;
using ChatBotKit.Hosting.Health;
using ChatBotKit.Hosting.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBotKit.Hosting.AspNetCore;

/// <summary>
/// Serves <c>/health</c> and <c>/metrics</c> (and the dashboard, after <c>WithDashboard()</c>) on <c>ChatBotKit:Http:Endpoint</c> when
/// <c>ChatBotKit:Http:Enabled</c> is true, for apps that are not web apps themselves
/// (<see cref="ChatBotHttpBuilderExtensions.WithHttpEndpoints"/>). It listens as the host starts, before
/// the bots start, so <c>/health</c> answers while they connect and <c>/metrics</c> sees their first events.
/// </summary>
internal sealed class ChatBotHttpService(IServiceProvider services, IOptions<ChatBotHostingOptions> options) : IHostedLifecycleService
{
    private ChatBotHttpServer? _server;

    /// <summary>The address served, when enabled and started.</summary>
    public Uri? Address => _server?.Address;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Http.Enabled)
        {
            return;
        }

        _server = await ChatBotHttpServer.StartAsync(
            options.Value.Http.Endpoint,
            services.GetRequiredService<ChatBotHealth>(),
            services.GetRequiredService<PrometheusExporter>(),
            services.GetService<ILoggerFactory>(),
            services.GetService<Dashboard.DashboardServices>(),
            cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
