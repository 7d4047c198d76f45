using ChatBotKit.Events;

namespace ChatBotKit.Prompting;

/// <summary>
/// The bot's mood while it runs: events move it (<see cref="MoodOptions.Impulses"/>: a raid excites,
/// a follow cheers), time relaxes it towards <see cref="MoodOptions.Baseline"/> (halving the
/// distance every <see cref="MoodOptions.HalfLife"/>), and it shapes the replies: <see cref="PromptLine"/>
/// tells the model how the bot feels, and an avatar shows <see cref="Mood.Emotion"/>. One mood for the
/// whole bot, as it has one face and one voice. <c>Bot.WithMood(mood)</c> connects it.
/// </summary>
public sealed class BotMood : IChatEventObserver
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private Mood _mood;
    private DateTimeOffset _at;

    /// <summary>Starts at the baseline.</summary>
    /// <exception cref="ChatBotConfigurationException">The half-life is not positive.</exception>
    public BotMood(MoodOptions? options = null, TimeProvider? timeProvider = null)
    {
        Options = options ?? new MoodOptions();
        if (Options.HalfLife <= TimeSpan.Zero)
        {
            throw new ChatBotConfigurationException("Mood.HalfLife", $"must be positive (was {Options.HalfLife})");
        }

        _time = timeProvider ?? TimeProvider.System;
        _mood = Options.Baseline;
        _at = _time.GetUtcNow();
    }

    /// <summary>How the mood moves.</summary>
    public MoodOptions Options { get; }

    /// <summary>The mood now, relaxed towards the baseline for the time since it last moved.</summary>
    public Mood Current
    {
        get
        {
            lock (_gate)
            {
                return RelaxedAt(_time.GetUtcNow());
            }
        }
    }

    /// <summary>Moves the mood by <paramref name="change"/> (the streamer's hand, or code of your own); returns the new mood.</summary>
    public Mood Nudge(Mood change)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _mood = RelaxedAt(now) + change;
            _at = now;
            return _mood;
        }
    }

    /// <summary>Moves the mood by the impulse of the event's kind, if it has one.</summary>
    public void Observe(ChatEvent chatEvent)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        if (Options.Impulses.TryGetValue(chatEvent.Kind, out var impulse))
        {
            Nudge(impulse);
        }
    }

    /// <summary>The line the system prompt gets about the mood, or <see langword="null"/> while it is neutral.</summary>
    public string? PromptLine(ChatEvent chatEvent)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        var feeling = Current.Emotion switch
        {
            "excited" => "excited and full of energy",
            "happy" => "cheerful",
            "sad" => "a little down, but still kind",
            "sleepy" => "calm and a bit sleepy",
            _ => null,
        };
        return feeling is null ? null : $"Right now you feel {feeling}: let it colour your tone, without talking about your mood.";
    }

    private Mood RelaxedAt(DateTimeOffset now)
    {
        var elapsed = now - _at;
        if (elapsed <= TimeSpan.Zero)
        {
            return _mood;
        }

        var left = Math.Pow(0.5, elapsed / Options.HalfLife);
        var baseline = Options.Baseline;
        return new Mood(baseline.Cheer + ((_mood.Cheer - baseline.Cheer) * left), baseline.Energy + ((_mood.Energy - baseline.Energy) * left));
    }
}
