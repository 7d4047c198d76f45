using ChatBotKit.AI;
using ChatBotKit.Engine;
using ChatBotKit.Hosting;
using ChatBotKit.Scripting;
using ChatBotKit.Speech.Pipeline;
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
        // The tool reports each reload itself, with the script's diagnostics; the reloader's log line would repeat it.
        .AddFilter(typeof(ChatBotReloader).FullName, LogLevel.None)
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

    /// <summary>The voice <c>--speak</c> gives every version of the script (with its health check), or <see langword="null"/>.</summary>
    public SpeechPipeline? Speaker { get; set; }

    public ScriptHost CreateHost(ILoggerFactory loggerFactory, IReadOnlyDictionary<string, string>? config = null) => new(Compiler, new ScriptHostOptions
    {
        LoggerFactory = loggerFactory,
        Config = config,
        ConfigureBot = Speaker is { } speaker ? bot => bot.WithSpeech(speaker) : null,
    });
}
