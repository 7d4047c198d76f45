using Microsoft.Extensions.Logging;

namespace ChatBotKit.Speech;

/// <summary>Hands out one logger for every category: how a script's <c>Log</c> reaches the speech pipeline.</summary>
internal sealed class LoggerFactoryOf(ILogger logger) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => logger;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("A single logger takes no providers.");

    public void Dispose()
    {
    }
}
