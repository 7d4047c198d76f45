using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Sources;

/// <summary>What the host hands a <see cref="ChatSourceRegistration.Create"/> call.</summary>
public sealed record ChatSourceContext
{
    /// <summary>The channels to join when connected.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>Logging for the source.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The clock for timeouts, backoff and rate windows.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the source creates its meters; <see langword="null"/> uses shared static meters.</summary>
    public IMeterFactory? MeterFactory { get; init; }
}
