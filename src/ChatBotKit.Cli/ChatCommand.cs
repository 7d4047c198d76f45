using ChatBotKit.Engine;
using ChatBotKit.Hosting;
using ChatBotKit.Scripting;
using ChatBotKit.Sources;

namespace ChatBotKit.Cli;

/// <summary>
/// <c>streambot chat</c> and <c>streambot run</c>: the script's bot on the console (stdin lines
/// <c>name: text</c>, replies on stdout), reloading on save and on SIGHUP unless <c>--no-watch</c>.
/// <c>run</c> comes here when the script declares no source, and keeps what it does with sources:
/// <c>/health</c> and <c>/metrics</c> on the default endpoint, and SIGHUP (configuration, then
/// script) also with <c>--no-watch</c>.
/// </summary>
internal static class ChatCommand
{
    public static async Task<int> RunAsync(CommandContext context, FileInfo script, LlmSelection llm, bool watch, string? http, FileInfo? config, bool isRun, CancellationToken cancellationToken)
    {
        var io = context.IO;
        var configuration = CliConfiguration.Load(script, config);
        InitCommand.RefreshFor(script, context.IO);
        var values = new LiveConfig(configuration.Values);
        using var loggerFactory = context.CreateLoggerFactory();
        var host = context.CreateHost(loggerFactory, values);
        var first = await host.LoadAsync(script.FullName, cancellationToken).ConfigureAwait(false);
        var definition = first.Definition;
        var name = definition.Identity.Name;

        var options = context.EngineOptions(loggerFactory, llm, definition, configuration);
        await using var endpoints = await CliHttp.StartAsync(configuration.Http(http, null), isRun ? Hosting.Configuration.HttpEndpointOptions.DefaultEndpoint : null, io, cancellationToken).ConfigureAwait(false);
        await using var runHangup = isRun ? new HangupReload() : null;
        await using var runtime = new ChatBotRuntime(name, definition, options);
        var engine = runtime.Engine;
        endpoints.Add(runtime);

        // Declared sources stay closed here: the engine alone takes the new definition.
        await using var reloader = new ScriptReloader(host, first, engine.SwapDefinition, loggerFactory.CreateLogger("Script"));
        using var reloads = CommandContext.CountReloads(reloader);
        context.ReportReloads(reloader, script, g => $"{g.Definition.Triggers.Count} trigger(s)"
            + (isRun && g.Definition.Sources.Count > 0 ? "; it now declares sources: restart 'run' to open them" : ""));
        await using var console = new ConsoleChatSource(new ConsoleChatSourceOptions { BotName = name, Input = io.In, Output = io.Out, LoggerFactory = loggerFactory });

        // 'run' serves SIGHUP as it does with sources; 'chat' reloads the script on it while watching.
        runHangup?.Serve(script, config, values, reloader, reloads, io, cancellationToken);
        await using var chatHangup = !isRun && watch ? new HangupReload() : null;
        chatHangup?.Serve(_ =>
        {
            reloader.RequestReload();
            return Task.CompletedTask;
        }, cancellationToken);
        if (watch)
        {
            reloader.Watch();
        }

        if (llm.IsOffline(definition))
        {
            io.Status("no LLM configured: replies come from the offline responder (use --llm <preset|base-url> for a real one).");
        }

        var connectors = isRun ? $"on the console (no source declared) · {configuration.Describe()}" : "on the console";
        var watching = watch ? $"watching {first.Script.Files.Count} file(s), SIGHUP reloads" : isRun ? "not watching files, SIGHUP reloads" : "not watching";
        io.Status($"{name} is listening {connectors} · LLM: {llm.Description} · {watching}. Type 'name: text' (e.g. 'alice: hi @{name}'); Ctrl+D ends.");

        var llmReport = context.ReportLlmAsync(llm, cancellationToken);
        await first.StartAsync(loggerFactory.CreateLogger("Script"), cancellationToken).ConfigureAwait(false);
        try
        {
            await runtime.Sources.RunAsync([console], cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await llmReport.ConfigureAwait(false);
        return StreambotApp.Ok;
    }
}
