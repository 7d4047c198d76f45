using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ChatBotKit.Filters.Markdown;

/// <summary>
/// Writes a parsed markdown document as chat-ready plain text. Each block keeps its source line,
/// so blank lines and the lines of rules and underlines stay as empty lines while fence lines
/// vanish; headers and list items are punctuated (see <see cref="LinePunctuation"/>). A reply
/// parsed in pieces (<see cref="MarkdownChunks"/>) is written piece by piece into one renderer.
/// </summary>
internal sealed class PlainTextRenderer
{
    private readonly StringBuilder _output = new();
    private readonly PlainTextInlineWriter _inlines;
    private LineKind _previous = LineKind.Text;
    private int _lastLine = -1;
    private int _blankLines;
    private int _firstLine;

    public PlainTextRenderer() => _inlines = new PlainTextInlineWriter(_output, () => _lastLine++);

    /// <summary>Writes a document parsed from a piece of the reply that starts on line <paramref name="firstLine"/>.</summary>
    public void Write(MarkdownDocument document, int firstLine)
    {
        _firstLine = firstLine;
        WriteChildren(document);
    }

    /// <summary>Writes a piece of the reply as it is, line by line.</summary>
    public void WriteLiteral(string text, int firstLine)
    {
        var line = firstLine;
        foreach (var content in text.AsSpan().EnumerateLines())
        {
            if (!content.IsWhiteSpace())
            {
                StartLine(line, LineKind.Text);
                _output.Append(content);
            }

            line++;
        }
    }

    /// <summary>The text written so far, with the last line punctuated.</summary>
    public override string ToString()
    {
        LinePunctuation.Append(_output, _previous, LineKind.End);
        _previous = LineKind.Text;
        return _output.ToString();
    }

    private void WriteChildren(ContainerBlock container)
    {
        foreach (var block in container)
        {
            Write(block);
        }
    }

    private void Write(Block block)
    {
        switch (block)
        {
            case ContainerBlock container:
                WriteChildren(container);
                break;
            case FencedCodeBlock fenced:
                WriteFencedCode(fenced);
                break;
            case CodeBlock code:
                WriteCode(code);
                break;
            case HeadingBlock heading when heading.Inline is { FirstChild: not null }:
                WriteLeaf(FirstLine(heading), heading.Inline, heading.IsSetext ? LineKind.Text : LineKind.Header);
                break;
            case ParagraphBlock paragraph when paragraph.Inline is { FirstChild: not null }:
                WriteLeaf(paragraph.Line, paragraph.Inline, paragraph.Parent is ListItemBlock ? LineKind.ListItem : LineKind.Text);
                break;
        }
    }

    /// <summary>A setext heading's line is its underline; its text starts above it.</summary>
    private static int FirstLine(HeadingBlock heading) =>
        heading.IsSetext ? heading.Line - 1 - heading.Inline!.FindDescendants<LineBreakInline>().Count() : heading.Line;

    private void WriteLeaf(int line, ContainerInline inline, LineKind kind)
    {
        StartLine(_firstLine + line, kind);
        var start = _output.Length;
        _inlines.Write(inline);
        var leading = 0;
        while (start + leading < _output.Length && char.IsWhiteSpace(_output[start + leading]))
        {
            leading++;
        }

        _output.Remove(start, leading);
    }

    /// <summary>A fence's own lines leave nothing behind, not even an empty line.</summary>
    private void WriteFencedCode(FencedCodeBlock fenced)
    {
        SkipLine(_firstLine + fenced.Line);
        WriteCode(fenced);
        if (fenced.ClosingFencedCharCount > 0)
        {
            SkipLine(_firstLine + fenced.Line + fenced.Lines.Count + 1);
        }
    }

    private void WriteCode(CodeBlock code)
    {
        var lines = code.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines.Lines[i];
            StartLine(_firstLine + line.Line, LineKind.Text);
            _output.Append(line.Slice.AsSpan());
        }
    }

    /// <summary>
    /// Punctuates the line before, then adds the line breaks owed (none before the first line), or
    /// a space where a reply cut into pieces goes on on the same line.
    /// </summary>
    private void StartLine(int line, LineKind kind)
    {
        LinePunctuation.Append(_output, _previous, kind);
        _previous = kind;
        _blankLines += Math.Max(0, line - _lastLine - 1);
        if (_output.Length > 0 && line == _lastLine)
        {
            _output.Append(' ');
        }
        else if (_output.Length > 0)
        {
            _output.Append('\n', _blankLines + 1);
        }

        _blankLines = 0;
        _lastLine = line;
    }

    /// <summary>Passes over a line that leaves no trace; the lines before it still count as blank.</summary>
    private void SkipLine(int line)
    {
        _blankLines += Math.Max(0, line - _lastLine - 1);
        _lastLine = line;
    }
}
