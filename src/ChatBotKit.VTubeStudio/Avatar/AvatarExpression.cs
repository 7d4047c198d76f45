namespace ChatBotKit.VTubeStudio;

/// <summary>
/// An expression the bot can put on the avatar: an expression file that VTube Studio turns on and
/// off, or a hotkey that toggles one (VTube Studio recommends hotkeys for expressions the streamer
/// must be able to turn off by hand).
/// </summary>
public sealed record AvatarExpression
{
    private AvatarExpression(string name, string? file, string? hotkey) => (Name, File, Hotkey) = (name, file, hotkey);

    /// <summary>The name viewers and the emotion map use.</summary>
    public string Name { get; }

    /// <summary>The <c>.exp3.json</c> file, when the expression is turned on and off through its file.</summary>
    public string? File { get; }

    /// <summary>The hotkey's name or id, when the expression is toggled through a hotkey.</summary>
    public string? Hotkey { get; }

    /// <summary>An expression turned on and off through its <c>.exp3.json</c> <paramref name="file"/>.</summary>
    public static AvatarExpression FromFile(string name, string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        return new AvatarExpression(name, file, null);
    }

    /// <summary>An expression toggled by a <c>ToggleExpression</c> hotkey (its name or id).</summary>
    public static AvatarExpression FromHotkey(string name, string hotkey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(hotkey);
        return new AvatarExpression(name, null, hotkey);
    }
}
