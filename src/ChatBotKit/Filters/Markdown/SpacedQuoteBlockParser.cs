using Markdig.Parsers;

namespace ChatBotKit.Filters.Markdown;

/// <summary>
/// A block quote only where <c>&gt;</c> is followed by a space, a tab, another <c>&gt;</c> or the
/// line's end, so emoticons such as <c>&gt;.&lt;</c> at the start of a line stay text.
/// </summary>
internal sealed class SpacedQuoteBlockParser : QuoteBlockParser
{
    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }

        var next = processor.PeekChar(1);
        return next is ' ' or '\t' or '>' or '\0' or '\r' or '\n' ? base.TryOpen(processor) : BlockState.None;
    }
}
