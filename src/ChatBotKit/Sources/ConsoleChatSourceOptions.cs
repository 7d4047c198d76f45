using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Sources;

/// <summary>Settings of a <see cref="ConsoleChatSource"/>.</summary>
public sealed record ConsoleChatSourceOptions
{
    /// <summary>The name the bot's replies are written under (<c>bot: text</c>). Default <c>bot</c>.</summary>
    public string BotName { get; init; } = "bot";

    /// <summary>The channel every message belongs to. Default <c>console</c>.</summary>
    public string Channel { get; init; } = "console";

    /// <summary>The user a line without a <c>name:</c> prefix comes from. Default <c>viewer</c>.</summary>
    public string DefaultUser { get; init; } = "viewer";

    /// <summary>
    /// A line starting with this comes from the streamer: from <see cref="StreamerName"/> with the
    /// broadcaster role, so <c>&gt; !say hello</c> uses a command only the streamer may. Default <c>&gt;</c>;
    /// <see langword="null"/> turns it off.
    /// </summary>
    public string? StreamerPrefix { get; init; } = ">";

    /// <summary>The user the streamer's lines come from. Default <c>streamer</c>.</summary>
    public string StreamerName { get; init; } = "streamer";

    /// <summary>Where viewer lines are read from; <see langword="null"/> means <see cref="Console.In"/>. Not disposed by the source.</summary>
    public TextReader? Input { get; init; }

    /// <summary>Where the bot's replies are written; <see langword="null"/> means <see cref="Console.Out"/>. Not disposed by the source.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>The clock that stamps each message. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where logs go. Default nowhere.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    internal void Validate()
    {
        Require(BotName, nameof(BotName));
        Require(Channel, nameof(Channel));
        Require(DefaultUser, nameof(DefaultUser));
        Require(StreamerName, nameof(StreamerName));
        if (StreamerPrefix is { } prefix && string.IsNullOrWhiteSpace(prefix))
        {
            throw new ArgumentException($"{nameof(ConsoleChatSourceOptions)}.{nameof(StreamerPrefix)} must be null or not blank.");
        }

        if (TimeProvider is null || LoggerFactory is null)
        {
            throw new ArgumentException($"{nameof(ConsoleChatSourceOptions)}.{nameof(TimeProvider)} and .{nameof(LoggerFactory)} must not be null.");
        }
    }

    private static void Require(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{nameof(ConsoleChatSourceOptions)}.{name} must not be empty.");
        }
    }
}
