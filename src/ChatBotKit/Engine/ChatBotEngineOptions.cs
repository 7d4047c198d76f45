using System.Diagnostics.Metrics;
using ChatBotKit.RateLimiting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Engine;

/// <summary>What the host gives the engine: time, logging, metrics and overrides.</summary>
public sealed record ChatBotEngineOptions
{
    /// <summary>The clock for every cooldown, window, timer and timeout. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where logs go. Default nowhere.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Creates the meter; <see langword="null"/> makes a standalone one.</summary>
    public IMeterFactory? MeterFactory { get; init; }

    /// <summary>Overrides the definition's LLM (the <c>--llm</c> option does this).</summary>
    public IChatClient? ChatClient { get; init; }

    /// <summary>
    /// Builds the LLM for each definition the engine runs, the first and every one swapped in
    /// later, overriding the definition's and <see cref="ChatClient"/>. <c>--llm offline</c> uses it
    /// so the offline responder follows each reloaded script's name and personality.
    /// </summary>
    public Func<ChatBotDefinition, IChatClient>? ChatClientFactory { get; init; }

    /// <summary>The rate limiter; default a <see cref="SlidingWindowRateLimiter"/> following the definition's policy.</summary>
    public IRateLimiter? RateLimiter { get; init; }

    /// <summary>Seeds every random choice (probabilities, handler randomness) for reproducible runs.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Receive every decision.</summary>
    public IReadOnlyList<IDecisionListener> DecisionListeners { get; init; } = [];

    /// <summary>
    /// When set, <see cref="ChatSourceRunner"/> waits until each event is fully handled
    /// (replies included) before reading the next: replays become exactly reproducible.
    /// </summary>
    public bool ProcessSequentially { get; init; }

    /// <summary>How long disposal waits for replies in flight before cancelling them. Default 30 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
