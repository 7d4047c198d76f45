namespace ChatBotKit.VTubeStudio;

/// <summary>How <see cref="LipSyncInjector"/> moves the mouth.</summary>
public sealed record LipSyncOptions
{
    /// <summary>The VTube Studio input parameter to set. Default <c>MouthOpen</c>.</summary>
    public string Parameter { get; init; } = "MouthOpen";

    /// <summary>How many values are sent per second while the level changes. Default 30.</summary>
    public double Rate { get; init; } = 30;

    /// <summary>
    /// How often an unchanged value is sent again while speaking, so VTube Studio (which drops an
    /// injected value after about a second) keeps it. Default 400 ms; at most 500 ms.
    /// </summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>A factor applied to every level before it is clamped to 0–1 (quiet voices open the mouth less). Default 1.</summary>
    public double Gain { get; init; } = 1;
}
