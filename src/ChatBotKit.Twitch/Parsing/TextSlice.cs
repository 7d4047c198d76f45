namespace ChatBotKit.Twitch.Parsing;

/// <summary>Where a part of an IRC line lies: an offset and a length (length -1 means absent).</summary>
internal readonly record struct TextSlice(int Start, int Length)
{
    public static TextSlice None { get; } = new(0, -1);

    public bool Exists => Length >= 0;

    public ReadOnlySpan<char> Of(string text) => Exists ? text.AsSpan(Start, Length) : [];
}
