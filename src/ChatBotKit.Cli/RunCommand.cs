using System.Net;
using System.Net.Sockets;
using ChatBotKit.Engine;
using ChatBotKit.Hosting;
using ChatBotKit.Hosting.AspNetCore;
using ChatBotKit.Hosting.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Cli;

/// <summary>
/// <c>streambot run</c>: runs the script's bot in a .NET Generic Host through <c>AddChatBot</c>, as apps
/// run theirs, until SIGINT/SIGTERM. The host's reloader serves SIGHUP and, unless <c>--no-watch</c>,
/// saves of the script: it reads the configuration again (a bad one is reported and the running one
/// kept), compiles the script again (one with errors is reported and the running one kept), keeps the
/// connections whose settings did not change and joins or leaves changed channels. A script that
/// declares no source runs on the console, as <c>chat</c> does, and says so.
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(CommandContext context, FileInfo script, LlmSelection llm, bool watch, string? http, FileInfo? config, RunAddOns addOns, CancellationToken cancellationToken)
    {
        var io = context.IO;
        var configuration = CliConfiguration.Load(script, config);
        var values = new LiveConfig(configuration.Values);
        using var loggerFactory = context.CreateLoggerFactory();
        var scripts = context.CreateHost(loggerFactory, values);
        var first = await scripts.LoadAsync(script.FullName, cancellationToken).ConfigureAwait(false);
        var definition = first.Definition;
        if (definition.Sources.Count == 0)
        {
            first.Dispose();
            if (addOns.Dashboard is not null)
            {
                io.Status("--dashboard shows a bot that runs on its sources; a console bot has none, so there is no dashboard.");
            }

            io.Status($"{script.Name} declares no source (Bot.AddSource(...) or a connector's Bot.AddTwitch(...)), so the bot runs on the console like 'chat'.");
            return await ChatCommand.RunAsync(context, script, llm, watch, http, config, isRun: true, cancellationToken).ConfigureAwait(false);
        }

        var name = definition.Identity.Name;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var endpoint = addOns.Dashboard is null ? HttpEndpoint(configuration, http, io) : CliDashboard.Endpoint(addOns.Dashboard, http);
        CliConfiguration.AddSources(builder.Configuration, script, config);
        builder.Configuration.AddInMemoryCollection([new("ChatBotKit:Http:Enabled", endpoint is null ? "false" : "true"), new("ChatBotKit:Http:Endpoint", endpoint)]);
        context.ConfigureLogging(builder.Logging);
        builder.Services.AddSingleton<IHostLifetime, CommandLineLifetime>();
        await using var source = new ScriptDefinitionSource(scripts, first, script, values, builder.Configuration, configuration.Describe(), io, loggerFactory.CreateLogger("Script"));
        var bot = builder.Services.AddChatBot(name).FromSource(source)
            .ConfigureEngine((options, d) => options with { ChatClientFactory = llm.CreateClient, DecisionListeners = [new QuietReasons(io.Error, d.Identity.Name)] });
        if (endpoint is not null)
        {
            bot.WithHttpEndpoints();
            builder.Services.AddSingleton<IHostedService>(sp => new ServingNotice(sp, io));
            if (addOns.Dashboard is not null)
            {
                CliDashboard.Add(bot, endpoint, configuration, io);
            }
        }

        addOns.AddInteractionLog(bot);

        using var host = builder.Build();
        var reloader = host.Services.GetRequiredService<ChatBotReloader>();
        reloader.ConfigurationRejected += problem => io.Status($"the new configuration is not valid; the running bot keeps its previous configuration:{Environment.NewLine}{problem}");
        await StartAsync(host, endpoint, cancellationToken).ConfigureAwait(false);
        if (watch)
        {
            source.Watch(reloader);
        }

        var watching = watch ? $"watching {first.Script.Files.Count} file(s), SIGHUP reloads" : "not watching files, SIGHUP reloads";
        io.Status($"{name} is running on {Describe(definition)} · LLM: {llm.Description} · {configuration.Describe()} · {watching}. Ctrl+C stops.");
        var llmReport = context.ReportLlmAsync(llm, cancellationToken);
        var runtime = host.Services.GetRequiredService<RunningChatBots>().Find(name);
        foreach (var failed in runtime?.Sources.GetSources().Where(s => s.Platform is null) ?? [])
        {
            io.Status($"source '{failed.Name}' could not connect yet (see the log above); it is tried again with backoff, and the other sources go on.");
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        io.Status($"stopping {name}: replies in flight finish, then the connections close.");
        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await llmReport.ConfigureAwait(false);

        // Disposing the source (after the host) runs the current version's stop hooks, once.
        return StreambotApp.Ok;
    }

    /// <summary>The bot's sources and their channels, for the console.</summary>
    internal static string Describe(ChatBotDefinition definition) =>
        string.Join(", ", definition.Sources.Select(s => s.Channels.Count == 0 ? s.Name : $"{s.Name} ({string.Join(", ", s.Channels)})"));

    /// <summary>
    /// Where <c>/health</c> and <c>/metrics</c> listen, or <see langword="null"/> for none: <c>--http</c>, else the
    /// configuration's, else <see cref="HttpEndpointOptions.DefaultEndpoint"/>; only the default is a notice when taken.
    /// </summary>
    private static string? HttpEndpoint(CliConfiguration configuration, string? http, CliStreams io)
    {
        var endpoint = configuration.Http(http, HttpEndpointOptions.DefaultEndpoint);
        if (endpoint is null || string.Equals(endpoint, CliHttp.Off, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Uri url;
        try
        {
            url = new Uri(ChatBotHttpServer.ToUrl(endpoint));
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--http: {e.Message.Split(" (Parameter", 2)[0]}");
        }

        if (http is null && !configuration.SetsHttp && !CanListen(url))
        {
            io.Status($"not serving /health and /metrics: cannot listen on {endpoint} (the port is in use); use --http <host:port> or --http off.");
            return null;
        }

        return endpoint;
    }

    private static bool CanListen(Uri url)
    {
        try
        {
            var listener = new TcpListener(IPAddress.TryParse(url.Host, out var address) ? address : IPAddress.Loopback, url.Port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task StartAsync(IHost host, string? endpoint, CancellationToken cancellationToken)
    {
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (endpoint is not null)
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw new UsageException($"--http: cannot listen on {endpoint}: {e.Message}");
        }
    }

    /// <summary>Says where <c>/health</c> and <c>/metrics</c> are served, once the server listens and before the bot starts.</summary>
    private sealed class ServingNotice(IServiceProvider services, CliStreams io) : IHostedLifecycleService
    {
        public Task StartingAsync(CancellationToken cancellationToken)
        {
            if (services.GetService<ChatBotHttpService>()?.Address is { } address)
            {
                io.Status($"serving {address}health and {address}metrics");
            }

            return Task.CompletedTask;
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>The command line owns SIGINT and SIGTERM (its cancellation token); the host only starts and stops.</summary>
    private sealed class CommandLineLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
