using ChatBotKit.Engine;
using ChatBotKit.Scripting;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Cli;

/// <summary>What every command shares: the streams, the compiler and a logger factory writing to stderr.</summary>
internal sealed class CommandContext(CliStreams io, ScriptCompiler? compiler)
{
    private ScriptCompiler? _compiler = compiler;

    public CliStreams IO { get; } = io;

    public ScriptCompiler Compiler => _compiler ??= new ScriptCompiler();

    public ILoggerFactory CreateLoggerFactory(LogLevel minimum = LogLevel.Warning) =>
        LoggerFactory.Create(b => b.ClearProviders().SetMinimumLevel(minimum).AddProvider(new TextWriterLoggerProvider(IO.Error, minimum)));

    /// <summary>The engine settings every command starts from: logs to stderr, the chosen LLM, and why the bot stayed quiet on stderr.</summary>
    public ChatBotEngineOptions EngineOptions(ILoggerFactory loggerFactory, LlmSelection llm, ChatBotDefinition definition) => new()
    {
        LoggerFactory = loggerFactory,
        ChatClientFactory = llm.CreateClient,
        DecisionListeners = [new QuietReasons(IO.Error, definition.Identity.Name)],
    };

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

    public ScriptHost CreateHost(ILoggerFactory loggerFactory, IReadOnlyDictionary<string, string>? config = null) => new(Compiler, new ScriptHostOptions { LoggerFactory = loggerFactory, Config = config });
}
