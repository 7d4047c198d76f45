namespace ChatBotKit.Speech.Audio;

/// <summary>
/// How <see cref="ProcessAudioSink"/> runs its player: <c>pacat</c> (PulseAudio, also PipeWire's
/// pulse server) or <c>pw-cat</c> with arguments built from these settings, or any program that
/// plays raw mono 16-bit little-endian PCM from its standard input with <see cref="Arguments"/>.
/// </summary>
public sealed record ProcessAudioSinkOptions
{
    /// <summary>The player program (default <c>pacat</c>, from the Debian package <c>pulseaudio-utils</c>).</summary>
    public string Program { get; init; } = "pacat";

    /// <summary>The sink to play to, for example a null sink that OBS captures (<c>streambot</c>); <see langword="null"/> plays to the default sink.</summary>
    public string? Device { get; init; }

    /// <summary>The rate the player is fed at; every utterance is converted to it (default 48 000 Hz).</summary>
    public int SampleRate { get; init; } = 48_000;

    /// <summary>How much audio the player may buffer (default 100 ms); it bounds how long sound goes on after an interrupt.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The player's arguments; <see langword="null"/> builds them for <c>pacat</c> or <c>pw-cat</c>. Required for any other program.</summary>
    public IReadOnlyList<string>? Arguments { get; init; }

    /// <summary>How long to wait before starting a player again after it failed right after starting (default 5 s).</summary>
    public TimeSpan RestartDelay { get; init; } = TimeSpan.FromSeconds(5);

    internal IReadOnlyList<string> ResolveArguments()
    {
        if (Arguments is { } given)
        {
            return given;
        }

        var latency = ((int)Latency.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rate = SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Path.GetFileName(Program) switch
        {
            "pacat" or "paplay" =>
            [
                "--playback", "--raw", "--format=s16le", $"--rate={rate}", "--channels=1", $"--latency-msec={latency}",
                "--client-name=streambot", "--stream-name=speech", .. Device is { } d ? new[] { $"--device={d}" } : [],
            ],
            "pw-cat" or "pw-play" =>
            [
                "--playback", "--rate", rate, "--channels", "1", "--format", "s16", "--latency", $"{latency}ms",
                .. Device is { } d ? new[] { "--target", d } : [], "-",
            ],
            _ => throw new ChatBotConfigurationException(
                $"{nameof(ProcessAudioSinkOptions)}.{nameof(Arguments)}",
                $"required for the player '{Program}' (arguments are built only for pacat and pw-cat)"),
        };
    }
}
