using ChatBotKit.Events;

namespace ChatBotKit.Engine;

/// <summary>
/// The parts of a bot that are paused: the whole bot, one source (by the name it was registered
/// under), everything from one platform, or one channel. A
/// paused part still reads its events and keeps its context window, but answers none of them;
/// each such event's decision is <see cref="DecisionOutcome.Paused"/>. Thread-safe.
/// </summary>
public sealed class ChatBotPauses
{
    private const string BotKey = "bot";
    private readonly Lock _gate = new();
    private HashSet<string> _paused = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the whole bot is paused.</summary>
    public bool IsBotPaused => Volatile.Read(ref _paused).Contains(BotKey);

    /// <summary>Pauses or resumes the whole bot.</summary>
    public void SetBotPaused(bool paused) => Set(BotKey, paused);

    /// <summary>Whether the source registered as <paramref name="source"/> is paused (the bot's own pause aside).</summary>
    public bool IsSourcePaused(string source) => Volatile.Read(ref _paused).Contains(SourceKey(source));

    /// <summary>
    /// Pauses or resumes the events of the source registered as <paramref name="source"/> (its
    /// <see cref="Sources.ChatSourceRegistration.Name"/>); other sources, also of the same platform, go on.
    /// </summary>
    public void SetSourcePaused(string source, bool paused)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        Set(SourceKey(source), paused);
    }

    /// <summary>Whether everything from <paramref name="platform"/> is paused (the bot's own pause aside).</summary>
    public bool IsPlatformPaused(ChatPlatform platform) => Volatile.Read(ref _paused).Contains(PlatformKey(platform));

    /// <summary>Pauses or resumes everything that comes from <paramref name="platform"/>.</summary>
    public void SetPlatformPaused(ChatPlatform platform, bool paused) => Set(PlatformKey(platform), paused);

    /// <summary>Whether <paramref name="channel"/> itself is paused (its platform's and the bot's pause aside).</summary>
    public bool IsChannelPaused(ChatPlatform platform, string channel) => Volatile.Read(ref _paused).Contains(ChannelKey(platform, channel));

    /// <summary>Pauses or resumes one channel.</summary>
    public void SetChannelPaused(ChatPlatform platform, string channel, bool paused)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        Set(ChannelKey(platform, channel), paused);
    }

    /// <summary>
    /// Whether an event in <paramref name="channel"/>, read from the source registered as
    /// <paramref name="source"/> (when known), goes unanswered: the bot, that source, its platform or the channel is paused.
    /// </summary>
    public bool Holds(ChatPlatform platform, string channel, string? source = null)
    {
        var paused = Volatile.Read(ref _paused);
        return paused.Count > 0
            && (paused.Contains(BotKey) || paused.Contains(PlatformKey(platform)) || paused.Contains(ChannelKey(platform, channel))
                || (source is not null && paused.Contains(SourceKey(source))));
    }

    private static string SourceKey(string source) => "source:" + source;

    private static string PlatformKey(ChatPlatform platform) => "platform:" + platform.Value;

    private static string ChannelKey(ChatPlatform platform, string channel) => "channel:" + platform.Value + "/" + channel;

    private void Set(string key, bool paused)
    {
        lock (_gate)
        {
            // Copy on write: the engine's channel loops read the set without a lock.
            var next = new HashSet<string>(_paused, StringComparer.OrdinalIgnoreCase);
            if (paused ? next.Add(key) : next.Remove(key))
            {
                Volatile.Write(ref _paused, next);
            }
        }
    }
}
