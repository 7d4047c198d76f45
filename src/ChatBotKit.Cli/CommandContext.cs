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

    public ScriptHost CreateHost(ILoggerFactory loggerFactory, IReadOnlyDictionary<string, string>? config = null) => new(Compiler, new ScriptHostOptions { LoggerFactory = loggerFactory, Config = config });
}
