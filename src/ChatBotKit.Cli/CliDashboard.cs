using System.Net;
using ChatBotKit.Hosting.AspNetCore;
using ChatBotKit.Hosting.AspNetCore.Dashboard;
using ChatBotKit.Hosting.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBotKit.Cli;

/// <summary>
/// <c>run --dashboard [host:port]</c>: serves the web dashboard on the server of <c>/health</c> and
/// <c>/metrics</c> (default <see cref="HttpEndpointOptions.DefaultEndpoint"/>). On a loopback address it
/// needs no sign-in; on any other a random token is made and printed once, with the address.
/// </summary>
internal static class CliDashboard
{
    /// <summary>Where to listen: the dashboard's address, which <c>--http</c> may repeat but not contradict.</summary>
    public static string Endpoint(string dashboard, string? http)
    {
        var endpoint = dashboard.Length == 0 ? HttpEndpointOptions.DefaultEndpoint : dashboard;
        if (http is not null && !string.Equals(http, endpoint, StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--dashboard {endpoint} and --http {http}: the dashboard is served beside /health and /metrics, on one address; give one of them.");
        }

        try
        {
            ChatBotHttpServer.ToUrl(endpoint);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--dashboard: {e.Message.Split(" (Parameter", 2)[0]}");
        }

        return endpoint;
    }

    /// <summary>Adds the dashboard to <paramref name="bot"/>, editing the first configuration file, and a notice that prints where it is.</summary>
    public static void Add(IChatBotBuilder bot, string endpoint, CliConfiguration configuration, CliStreams io)
    {
        var host = new Uri(ChatBotHttpServer.ToUrl(endpoint)).Host;
        var loopback = host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        var defaults = new ChatBotDashboardOptions();
        var options = defaults with
        {
            AllowedHosts = [.. defaults.AllowedHosts, host, Dns.GetHostName()],
            Token = loopback ? null : DashboardSessions.NewToken(),
            ConfigurationFile = configuration.Files is [var file, ..] ? file : null,
        };
        bot.WithDashboard(options);
        bot.Services.AddSingleton<IHostedService>(sp => new Notice(sp, options.Token, io));
    }

    /// <summary>Prints the dashboard's address (and the token, this once) when the server listens.</summary>
    private sealed class Notice(IServiceProvider services, string? token, CliStreams io) : IHostedService
    {
        // The server listens in its StartingAsync, so its address is known by now.
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (services.GetService<ChatBotHttpService>()?.Address is { } address)
            {
                io.Status(token is null
                    ? $"dashboard: {address}dashboard/"
                    : $"dashboard: {address}dashboard/login?token={token} (this token is printed only now; anyone with it can control the bot)");
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
