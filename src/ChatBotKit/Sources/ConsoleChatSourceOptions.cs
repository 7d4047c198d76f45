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
