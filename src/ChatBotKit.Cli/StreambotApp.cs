using System.CommandLine;
using ChatBotKit.Scripting;

namespace ChatBotKit.Cli;

/// <summary>The <c>streambot</c> command line: <c>run</c>, <c>chat</c>, <c>replay</c>, <c>check</c>, <c>ingest</c>, <c>init</c>, <c>presets</c>, <c>auth</c>, <c>export</c>. Exit codes: 0 ok, 1 script or config error, 2 usage error.</summary>
internal static class StreambotApp
{
    public const int Ok = 0;
    public const int ScriptError = 1;
    public const int UsageError = 2;

    // SIGTERM/SIGINT: replies in flight get 30 s, so the whole shutdown fits in 35 s.
    private static readonly TimeSpan ShutdownLimit = TimeSpan.FromSeconds(35);

    /// <summary>Runs one command line against the given streams.</summary>
    public static async Task<int> RunAsync(string[] args, CliStreams io, ScriptCompiler? compiler = null, CancellationToken cancellationToken = default)
    {
        var script = new Argument<FileInfo>("script") { Description = "The bot script (bot.csx)." };
        var chatLog = new Argument<FileInfo>("chat-log") { Description = "A recorded chat log, one JSON object per line." };
        var llm = new Option<string?>("--llm") { Description = $"The LLM: {LlmSelection.Choices}; 'offline' is the built-in responder.", HelpName = "base-url|preset|offline" };
        var model = new Option<string?>("--model") { Description = "The model name to ask the LLM for." };
        var noWatch = new Option<bool>("--no-watch") { Description = "Do not reload when the script or a file it #loads changes." };
        var http = new Option<string?>("--http") { Description = "Serve /health and /metrics on host:port ('run' defaults to 127.0.0.1:8080; 'off' turns it off).", HelpName = "host:port|off" };
        var config = new Option<FileInfo?>("--config") { Description = "A configuration file, JSON or YAML by extension (default: bot.yaml, bot.yml or appsettings.json beside the script, if present); STREAMBOT_* environment variables override it.", HelpName = "file" };
        var dashboard = new Option<string?>("--dashboard") { Description = $"Serve the web dashboard beside /health and /metrics (default {Hosting.Configuration.HttpEndpointOptions.DefaultEndpoint}; an address beyond loopback needs the token printed at start).", HelpName = "host:port", Arity = ArgumentArity.ZeroOrOne };
        var interactionLog = new Option<DirectoryInfo?>("--interaction-log") { Description = "Log every reply, the message it answered and the engagement it drew within 60 s to daily JSONL files in this folder (30 days kept); see 'export'.", HelpName = "dir" };
        var realtime = new Option<bool>("--realtime") { Description = "Replay at the pace of the log's timestamps instead of as fast as possible." };

        var run = new Command("run", "Run the bot on the sources its script declares until Ctrl+C or SIGTERM, reloading it on save and it and its configuration on SIGHUP. A script without sources runs on the console like 'chat'.") { script, llm, model, noWatch, http, config, dashboard, interactionLog };
        var chat = new Command("chat", "Try the bot locally: each stdin line 'name: text' is a viewer message; replies go to stdout.") { script, llm, model, noWatch, http, config };
        var replay = new Command("replay", "Feed a recorded chat log through the bot and write every message it sends to stdout as JSONL.") { script, chatLog, llm, model, realtime, http, config };
        var check = new Command("check", "Compile and validate the script; print diagnostics as path(line,col): error CODE: message.") { script, config };
        var root = new RootCommand("streambot: run, try, replay and check ChatBotKit bot scripts.") { run, chat, replay, check };

        var speech = new SpeechOptions();
        speech.AddTo(chat);
        var context = new CommandContext(io, compiler);
        root.Add(IngestCommand.Create(io));
        root.Add(InitCommand.Create(io));
        root.Add(PresetsCommand.Create(context));
        root.Add(AuthCommand.Create(io));
        root.Add(ExportCommand.Create(io));
        run.SetAction((r, ct) => Guard(io, () => RunCommand.RunAsync(context, r.GetValue(script)!, LlmSelection.Create(r.GetValue(llm), r.GetValue(model)), !r.GetValue(noWatch), r.GetValue(http), r.GetValue(config), new RunAddOns(r.GetResult(dashboard) is null ? null : r.GetValue(dashboard) ?? "", r.GetValue(interactionLog)), chat: false, ct), ct));
        chat.SetAction((r, ct) => Guard(io, () => speech.RunAsync(r, context, () => RunCommand.RunAsync(context, r.GetValue(script)!, LlmSelection.Create(r.GetValue(llm), r.GetValue(model)), !r.GetValue(noWatch), r.GetValue(http), r.GetValue(config), RunAddOns.None, chat: true, ct)), ct));
        replay.SetAction((r, ct) => Guard(io, () => ReplayCommand.RunAsync(context, r.GetValue(script)!, r.GetValue(chatLog)!, LlmSelection.Create(r.GetValue(llm), r.GetValue(model)), r.GetValue(realtime), r.GetValue(http), r.GetValue(config), ct), ct));
        check.SetAction((r, ct) => Guard(io, () => CheckCommand.RunAsync(context, r.GetValue(script)!, r.GetValue(config), ct), ct));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            if (args is [var first, ..] && !first.StartsWith('-') && root.Subcommands.All(c => c.Name != first))
            {
                // One line for a mistyped command, not one per word the parser could not place.
                io.Error.WriteLine($"streambot: unknown command '{first}'; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))}.");
            }
            else
            {
                foreach (var error in parsed.Errors)
                {
                    io.Error.WriteLine($"streambot: {error.Message}");
                }
            }

            io.Error.WriteLine("Try 'streambot --help'.");
            return UsageError;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = ShutdownLimit }, cancellationToken).ConfigureAwait(false);
    }

    // The action's task must not end cancelled or faulted: System.CommandLine waits on it from the
    // signal handler, where an exception would abort the process instead of exiting 0.
    private static async Task<int> Guard(CliStreams io, Func<Task<int>> command, CancellationToken stopping)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return Ok;
        }
        catch (UsageException e)
        {
            io.Error.WriteLine($"streambot: {e.Message}");
            return UsageError;
        }
        catch (ScriptException e)
        {
            CliStreams.Write(io.Error, e.Diagnostics);
            return ScriptError;
        }
        catch (ChatBotConfigurationException e)
        {
            io.Error.WriteLine($"streambot: {e.Message}");
            return ScriptError;
        }
    }
}
