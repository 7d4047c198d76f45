namespace ChatBotKit.Filters.Markdown;

/// <summary>What a line was in the markdown, for <see cref="LinePunctuation"/>.</summary>
internal enum LineKind
{
    Text,
    Header,
    ListItem,

    /// <summary>Past the last line.</summary>
    End,
}
