using System.Net;
using System.Net.Sockets;
using ChatBotKit.Engine;
using ChatBotKit.Hosting;
using ChatBotKit.Hosting.AspNetCore;
using ChatBotKit.Hosting.Configuration;
using ChatBotKit.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Cli;

/// <summary>
/// <c>streambot run</c> and <c>streambot chat</c>: the script's bot in a .NET Generic Host through
/// <c>AddChatBot</c>, as apps run theirs. The host's reloader serves SIGHUP and, unless <c>--no-watch</c>,
/// saves of the script: it reads the configuration again (a bad one is reported and the running one
/// kept), compiles the script again (one with errors is reported and the running one kept), keeps the
/// connections whose settings did not change and joins or leaves changed channels. <c>run</c> opens the
/// sources the script declares and runs until SIGINT/SIGTERM; <c>chat</c>, and <c>run</c> on a script that
/// declares none, chat on the console instead (stdin lines <c>name: text</c>, replies on stdout) until the
/// input ends.
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(CommandContext context, FileInfo script, LlmSelection llm, bool watch, string? http, FileInfo? config, RunAddOns addOns, bool chat, CancellationToken cancellationToken)
    {
        var io = context.IO;
        var configuration = CliConfiguration.Load(script, config);
        InitCommand.RefreshFor(script, io);
        var values = new LiveConfig(configuration.Values);
        using var loggerFactory = context.CreateLoggerFactory();
        var scripts = context.CreateHost(loggerFactory, values);
        var first = await scripts.LoadAsync(script.FullName, cancellationToken).ConfigureAwait(false);
        var definition = first.Definition;
        var onConsole = chat || definition.Sources.Count == 0;
        if (onConsole && !chat)
        {
            io.Status($"{script.Name} declares no source (Bot.AddSource(...) or a connector's Bot.AddTwitch(...)), so the bot runs on the console like 'chat'.");
        }

        var name = definition.Identity.Name;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var endpoint = addOns.Dashboard is null ? HttpEndpoint(configuration, http, chat ? null : HttpEndpointOptions.DefaultEndpoint, io) : CliDashboard.Endpoint(addOns.Dashboard, http);
        CliConfiguration.AddSources(builder.Configuration, script, config);
        builder.Configuration.AddInMemoryCollection([new("ChatBotKit:Http:Enabled", endpoint is null ? "false" : "true"), new("ChatBotKit:Http:Endpoint", endpoint)]);
        if (chat && !watch)
        {
            // 'chat --no-watch' reloads nothing: SIGHUP ends it as it would any program.
            builder.Configuration.AddInMemoryCollection([new("ChatBotKit:ReloadOnHangup", "false")]);
        }

        context.ConfigureLogging(builder.Logging);
        builder.Services.AddSingleton<IHostLifetime, CommandLineLifetime>();
        await using var source = new ScriptDefinitionSource(scripts, first, script, values, builder.Configuration, configuration.Describe(), onConsole, io, loggerFactory.CreateLogger("Script"));
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

        var watching = watch ? $"watching {first.Script.Files.Count} file(s), SIGHUP reloads" : chat ? "not watching" : "not watching files, SIGHUP reloads";
        var llmReport = context.ReportLlmAsync(llm, cancellationToken);
        var runtime = host.Services.GetRequiredService<RunningChatBots>().Find(name)!;
        try
        {
            if (onConsole)
            {
                await ChatOnConsoleAsync(runtime, llm, definition, $"{(chat ? "" : $" (no source declared) · {configuration.Describe()}")} · LLM: {llm.Description} · {watching}", io, loggerFactory, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                io.Status($"{name} is running on {Describe(definition)} · LLM: {llm.Description} · {configuration.Describe()} · {watching}. Ctrl+C stops.");
                foreach (var failed in runtime.Sources.GetSources().Where(s => s.Platform is null))
                {
                    io.Status($"source '{failed.Name}' could not connect yet (see the log above); it is tried again with backoff, and the other sources go on.");
                }

                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        if (!onConsole || cancellationToken.IsCancellationRequested)
        {
            io.Status($"stopping {name}: replies in flight finish, then the connections close.");
        }

        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await llmReport.ConfigureAwait(false);

        // Disposing the source (after the host) runs the current version's stop hooks, once.
        return StreambotApp.Ok;
    }

    /// <summary>The bot's sources and their channels, for the console.</summary>
    internal static string Describe(ChatBotDefinition definition) =>
        string.Join(", ", definition.Sources.Select(s => s.Channels.Count == 0 ? s.Name : $"{s.Name} ({string.Join(", ", s.Channels)})"));

    /// <summary>Pumps stdin lines through the bot until the input ends; replies go to stdout.</summary>
    private static async Task ChatOnConsoleAsync(ChatBotRuntime runtime, LlmSelection llm, ChatBotDefinition definition, string details, CliStreams io, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var name = definition.Identity.Name;
        if (llm.IsOffline(definition))
        {
            io.Status("no LLM configured: replies come from the offline responder (use --llm <preset|base-url> for a real one).");
        }

        io.Status($"{name} is listening on the console{details}. Type 'name: text' (e.g. 'alice: hi @{name}'); Ctrl+D ends.");
        await using var console = new ConsoleChatSource(new ConsoleChatSourceOptions { BotName = name, Input = io.In, Output = io.Out, LoggerFactory = loggerFactory });
        await runtime.Sources.RunAsync([console], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Where <c>/health</c> and <c>/metrics</c> listen, or <see langword="null"/> for none: <c>--http</c>, else the
    /// configuration's, else <paramref name="fallback"/>; only the fallback is a notice when taken.
    /// </summary>
    private static string? HttpEndpoint(CliConfiguration configuration, string? http, string? fallback, CliStreams io)
    {
        var endpoint = configuration.Http(http, fallback);
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
