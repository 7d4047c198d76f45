namespace ChatBotKit.Cli;

/// <summary><c>streambot check</c>: read the configuration, compile, run the top level (with the configuration as <c>Config</c>), build the bot; diagnostics, and what loaded files reach outside the bot API, to stdout.</summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(CommandContext context, FileInfo script, FileInfo? config, CancellationToken cancellationToken)
    {
        var configuration = CliConfiguration.Load(script, config);
        InitCommand.RefreshFor(script, context.IO);
        using var loggerFactory = context.CreateLoggerFactory();
        try
        {
            using var generation = await context.CreateHost(loggerFactory, configuration.Values).LoadAsync(script.FullName, cancellationToken).ConfigureAwait(false);
            CliStreams.Write(context.IO.Out, generation.Script.Warnings);
            var definition = generation.Definition;
            if (generation.Script.Files.Count > 1)
            {
                PresetsCommand.ReportLoadedReach(context, script);
            }

            context.IO.Out.WriteLine($"{script.FullName}: ok: bot '{definition.Identity.Name}' with {definition.Triggers.Count} trigger(s), {generation.Script.Files.Count} file(s)");
            return StreambotApp.Ok;
        }
        catch (Scripting.ScriptException e)
        {
            CliStreams.Write(context.IO.Out, e.Diagnostics);
            return StreambotApp.ScriptError;
        }
    }
}
