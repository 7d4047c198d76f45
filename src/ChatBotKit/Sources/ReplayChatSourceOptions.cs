using ChatBotKit.Events;
using ChatBotKit.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Sources;

/// <summary>Settings of a <see cref="ReplayChatSource"/>.</summary>
public sealed record ReplayChatSourceOptions
{
    /// <summary>
    /// The source's platform, used for log lines without <c>platform</c> and for transcript lines
    /// of messages that name none. Default <c>replay</c>.
    /// </summary>
    public ChatPlatform Platform { get; init; } = new("replay");

    /// <summary>The channel for log lines without <c>channel</c>. Default <c>replay</c>.</summary>
    public string Channel { get; init; } = "replay";

    /// <summary>
    /// The clock to move to each line's timestamp before its event is read; give the engine the
    /// same clock so cooldowns, rate limits and timers follow the log's time. <see langword="null"/>
    /// leaves time alone.
    /// </summary>
    public VirtualClock? Clock { get; init; }

    /// <summary>
    /// When set, each event is handed out no sooner than its line's offset from the first line,
    /// measured on this time provider (<see cref="TimeProvider.System"/> replays in real time).
    /// Waiting is cancellable. <see langword="null"/> (the default) replays as fast as possible.
    /// </summary>
    public TimeProvider? Pace { get; init; }

    /// <summary>Where the transcript (one JSON line per sent message) goes; <see langword="null"/> means <see cref="Console.Out"/>. Not disposed by the source.</summary>
    public TextWriter? Transcript { get; init; }

    /// <summary>The input's name in log messages; <see langword="null"/> means the file path, or <c>input</c> for a reader or stream.</summary>
    public string? InputName { get; init; }

    /// <summary>Where logs go. Default nowhere.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Channel))
        {
            throw new ArgumentException($"{nameof(ReplayChatSourceOptions)}.{nameof(Channel)} must not be empty.");
        }

        if (LoggerFactory is null)
        {
            throw new ArgumentException($"{nameof(ReplayChatSourceOptions)}.{nameof(LoggerFactory)} must not be null.");
        }
    }
}
