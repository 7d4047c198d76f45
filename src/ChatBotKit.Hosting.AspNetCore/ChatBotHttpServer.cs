using ChatBotKit.Hosting.AspNetCore.Dashboard;
using ChatBotKit.Hosting.Configuration;
using ChatBotKit.Hosting.Health;
using ChatBotKit.Hosting.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Hosting.AspNetCore;

/// <summary>
/// A small Kestrel server with <c>/health</c> and <c>/metrics</c> only, for hosts that are not web
/// apps themselves (<see cref="ChatBotHttpService"/>, the <c>streambot</c> tool's <c>--http</c>). Web apps call
/// <see cref="ChatBotEndpoints.MapChatBotEndpoints"/> instead.
/// </summary>
internal sealed class ChatBotHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ChatBotHttpServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address the server listens on, e.g. <c>http://127.0.0.1:8080/</c> (the real port when 0 was asked for).</summary>
    public Uri Address { get; }

    /// <summary>Starts listening on <paramref name="endpoint"/> (<c>host:port</c>; port 0 picks a free one), with the dashboard when <paramref name="dashboard"/> is given.</summary>
    public static async Task<ChatBotHttpServer> StartAsync(string endpoint, ChatBotHealth health, PrometheusExporter exporter, ILoggerFactory? loggerFactory = null, DashboardServices? dashboard = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(exporter);
        var url = ToUrl(endpoint);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.WebHost.UseUrls(url);
        builder.Services.AddSingleton(health);
        builder.Services.AddSingleton(exporter);
        if (dashboard is not null)
        {
            builder.Services.AddSingleton(dashboard);
        }

        var app = builder.Build();
        app.MapChatBotEndpoints();
        if (dashboard is not null)
        {
            DashboardEndpoints.Map(app);
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ChatBotHttpServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Turns <c>host:port</c> into a Kestrel URL; throws <see cref="ArgumentException"/> naming the value when it is not one.</summary>
    public static string ToUrl(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return HttpEndpointOptions.TryParse(endpoint, out var url)
            ? url
            : throw new ArgumentException($"'{endpoint}' is not host:port (e.g. {HttpEndpointOptions.DefaultEndpoint}).", nameof(endpoint));
    }

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
