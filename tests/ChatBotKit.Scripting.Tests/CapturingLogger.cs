using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Scripting.Tests;

/// <summary>Keeps every log entry (message and exception) for assertions.</summary>
public sealed class CapturingLogger : ILoggerProvider, ILoggerFactory, ILogger
{
    public ConcurrentQueue<(string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((formatter(state, exception), exception));

    public void Dispose()
    {
    }
}
