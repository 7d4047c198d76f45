namespace ChatBotKit.YouTube;

/// <summary>
/// One emoji in a YouTube chat message, and where its text stands in the event's text, counted in
/// Unicode code points (an emoji outside the Basic Multilingual Plane is one code point, two UTF-16 units).
/// </summary>
/// <param name="Id">YouTube's emoji id: the emoji itself for a standard one (<c>😀</c>), <c>UC…/…</c> for a channel's custom emoji.</param>
/// <param name="Text">The text that stands for it in the message: its first shortcut (<c>:grinning:</c>), or its id when it has none.</param>
/// <param name="Start">The code point index of <paramref name="Text"/> in the event's text.</param>
/// <param name="Length">The length of <paramref name="Text"/> in code points.</param>
/// <param name="IsCustom">Whether it is a channel's custom emoji (a member emoji) rather than a standard one.</param>
/// <param name="ImageUrl">The largest image YouTube offers for it, when it names one.</param>
public readonly record struct YouTubeEmote(string Id, string Text, int Start, int Length, bool IsCustom, string? ImageUrl);
