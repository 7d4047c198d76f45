using ChatBotKit.Engine;
using ChatBotKit.Hosting;
using ChatBotKit.Scripting;

namespace ChatBotKit.Cli;

/// <summary>
/// <c>streambot run</c>: opens the sources the script declares and runs the bot on them until
/// SIGINT/SIGTERM, reloading on save (unless <c>--no-watch</c>) and on SIGHUP. SIGHUP reads the
/// configuration again first: a bad one is reported and the running one kept. A reload keeps the
/// connections whose settings did not change and joins or leaves changed channels. A script that
/// declares no source runs on the console, as <c>chat</c> does, and says so.
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(CommandContext context, FileInfo script, LlmSelection llm, bool watch, string? http, FileInfo? config, CancellationToken cancellationToken)
    {
        var io = context.IO;
        var configuration = CliConfiguration.Load(script, config);
        var values = new LiveConfig(configuration.Values);
        using var loggerFactory = context.CreateLoggerFactory();
        var host = context.CreateHost(loggerFactory, values);
        var first = await host.LoadAsync(script.FullName, cancellationToken).ConfigureAwait(false);
        var definition = first.Definition;
        if (definition.Sources.Count == 0)
        {
            first.Dispose();
            io.Status($"{script.Name} declares no source (Bot.AddSource(...) or a connector's Bot.AddTwitch(...)), so the bot runs on the console like 'chat'.");
            return await ChatCommand.RunAsync(context, script, llm, watch, http, config, isRun: true, cancellationToken).ConfigureAwait(false);
        }

        var name = definition.Identity.Name;
        var options = context.EngineOptions(loggerFactory, llm, definition, configuration);
        await using var endpoints = await CliHttp.StartAsync(configuration.Http(http, null), Hosting.Configuration.HttpEndpointOptions.DefaultEndpoint, io, cancellationToken).ConfigureAwait(false);
        await using var hangup = new HangupReload();
        await using var runtime = new ChatBotRuntime(name, definition, options);
        endpoints.Add(runtime);
        await using var reloader = new ScriptReloader(host, first, runtime.Swap, loggerFactory.CreateLogger("Script"));
        using var reloads = CommandContext.CountReloads(reloader);
        context.ReportReloads(reloader, script, g => $"sources: {Describe(g.Definition)}");

        hangup.Serve(script, config, values, reloader, reloads, io, cancellationToken);
        if (watch)
        {
            reloader.Watch();
        }

        var watching = watch ? $"watching {first.Script.Files.Count} file(s), SIGHUP reloads" : "not watching files, SIGHUP reloads";
        io.Status($"{name} is running on {Describe(definition)} · LLM: {llm.Description} · {configuration.Describe()} · {watching}. Ctrl+C stops.");
        var llmReport = context.ReportLlmAsync(llm, cancellationToken);
        await first.StartAsync(loggerFactory.CreateLogger("Script"), cancellationToken).ConfigureAwait(false);
        await runtime.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (var failed in runtime.Sources.GetSources().Where(s => s.Platform is null))
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
        await llmReport.ConfigureAwait(false);

        // Disposing the reloader runs the current version's stop hooks, once.
        return StreambotApp.Ok;
    }

    private static string Describe(ChatBotDefinition definition) =>
        string.Join(", ", definition.Sources.Select(s => s.Channels.Count == 0 ? s.Name : $"{s.Name} ({string.Join(", ", s.Channels)})"));
}
