using ChatBotKit.AI;
using ChatBotKit.Engine;
using ChatBotKit.Hosting;
using ChatBotKit.Scripting;
using ChatBotKit.Speech;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Cli;

/// <summary>What every command shares: the streams, the compiler and a logger factory writing to stderr.</summary>
internal sealed class CommandContext(CliStreams io, ScriptCompiler? compiler)
{
    private ScriptCompiler? _compiler = compiler;

    public CliStreams IO { get; } = io;

    public ScriptCompiler Compiler => _compiler ??= new ScriptCompiler();

    /// <summary>Logs to stderr: warnings and errors, and the script's own <c>Log</c> from Information up.</summary>
    public ILoggerFactory CreateLoggerFactory() => LoggerFactory.Create(ConfigureLogging);

    /// <summary>Sets up <paramref name="logging"/> as <see cref="CreateLoggerFactory"/> does (for the host of <c>run</c>).</summary>
    public void ConfigureLogging(ILoggingBuilder logging) => logging
        .ClearProviders()
        .SetMinimumLevel(LogLevel.Warning)
        .AddFilter("Script", LogLevel.Information)
        .AddProvider(new TextWriterLoggerProvider(IO.Error, LogLevel.Information));

    /// <summary>
    /// The engine settings every command starts from: logs to stderr, the chosen LLM, why the bot stayed
    /// quiet on stderr, and how long replies in flight may take on stop (<c>ChatBotKit:ShutdownTimeout</c>).
    /// </summary>
    public ChatBotEngineOptions EngineOptions(ILoggerFactory loggerFactory, LlmSelection llm, ChatBotDefinition definition, CliConfiguration configuration) => new()
    {
        ShutdownTimeout = configuration.Options.ShutdownTimeout,
        LoggerFactory = loggerFactory,
        ChatClientFactory = llm.CreateClient,
        DecisionListeners = [new QuietReasons(IO.Error, definition.Identity.Name)],
    };

    /// <summary>
    /// Probes the <c>--llm</c> server once, in the background, and says on stderr at start when it is
    /// not ready (unreachable, key refused, model missing) rather than at the first mention. The bot
    /// runs either way. Await the task before the command returns.
    /// </summary>
    public async Task ReportLlmAsync(LlmSelection llm, CancellationToken cancellationToken)
    {
        if (llm.Probe is not { } server)
        {
            return;
        }

        await Task.Yield();
        try
        {
            var report = await LlmHealthProbe.CheckAsync(server, cancellationToken).ConfigureAwait(false);
            if (report.Status != LlmHealthStatus.Ready)
            {
                IO.Status($"the LLM is not ready: {report.Detail}. The bot runs anyway; until the LLM answers, mentions get the fallback reply or none.");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Counts the script's reloads in <c>chatbotkit.reloads</c> by outcome, the counter apps count theirs
    /// in. Call it before <see cref="ReportReloads"/>, so a reload is counted by the time it is reported.
    /// </summary>
    public static ReloadCounter CountReloads(ScriptReloader reloader)
    {
        var counter = new ReloadCounter(meterFactory: null);
        reloader.Reloaded += _ => counter.Succeeded();
        reloader.Failed += _ => counter.Rejected();
        return counter;
    }

    /// <summary>Reports each reload of <paramref name="script"/> on stderr: what the new version has, or its diagnostics.</summary>
    public void ReportReloads(ScriptReloader reloader, FileInfo script, Func<ScriptGeneration, string> describe)
    {
        reloader.Reloaded += g => IO.Status($"reloaded {script.Name} (version {g.Number}, {describe(g)})");
        reloader.Failed += e =>
        {
            IO.Status($"{script.Name} has errors; the running bot keeps its previous version:");
            CliStreams.Write(IO.Error, e.Diagnostics);
        };
    }

    /// <summary>The voice <c>--speak</c> gives every version of the script, or <see langword="null"/>.</summary>
    public IReplySpeaker? Speaker { get; set; }

    public ScriptHost CreateHost(ILoggerFactory loggerFactory, IReadOnlyDictionary<string, string>? config = null) => new(Compiler, new ScriptHostOptions
    {
        LoggerFactory = loggerFactory,
        Config = config,
        ConfigureBot = Speaker is { } speaker ? bot => bot.WithSpeaker(speaker) : null,
    });
}
