using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.AI.Tests.Fakes;

/// <summary>Collects formatted log lines at or above a minimum level.</summary>
public sealed class ListLoggerProvider(LogLevel minimum) : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Text)> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new ListLogger(this);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._lines.Enqueue((logLevel, formatter(state, exception)));
            }
        }
    }

    private LogLevel Minimum => minimum;
}
