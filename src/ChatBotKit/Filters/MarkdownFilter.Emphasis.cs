using System.Text;

namespace ChatBotKit.Filters;

public sealed partial class MarkdownFilter
{
    /// <summary>
    /// Removes matched emphasis markers: <c>*</c>, <c>**</c>, <c>***</c>, the same with
    /// <c>_</c>, and <c>~~</c>. A run opens when it is followed by a non-space and not preceded by
    /// a letter or digit, and closes when it is preceded by a non-space and not followed by a
    /// letter or digit; an opener pairs with the first closer of the same kind after it on the
    /// same line. Unpaired markers stay. Runs in linear time.
    /// </summary>
    private static string RemoveEmphasis(MarkdownBuffer buffer)
    {
        var chars = buffer.Chars;
        var runs = FindRuns(buffer);
        if (runs.Count == 0)
        {
            return chars.ToString();
        }

        var closers = new List<int>[7];
        for (var r = 0; r < runs.Count; r++)
        {
            if (runs[r].CanClose)
            {
                (closers[runs[r].Kind] ??= []).Add(r);
            }
        }

        var next = new int[closers.Length];
        var paired = new bool[runs.Count];
        for (var r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            if (paired[r] || !run.CanOpen || closers[run.Kind] is not { } candidates)
            {
                continue;
            }

            var p = next[run.Kind];
            while (p < candidates.Count && (runs[candidates[p]].Start <= run.Start || paired[candidates[p]]))
            {
                p++;
            }

            next[run.Kind] = p;
            if (p < candidates.Count && runs[candidates[p]].Line == run.Line)
            {
                paired[r] = paired[candidates[p]] = true;
            }
        }

        var result = new StringBuilder(chars.Length);
        var copied = 0;
        for (var r = 0; r < runs.Count; r++)
        {
            if (paired[r])
            {
                result.Append(chars[copied..runs[r].Start]);
                copied = runs[r].Start + runs[r].Length;
            }
        }

        return result.Append(chars[copied..]).ToString();
    }

    private static List<Run> FindRuns(MarkdownBuffer buffer)
    {
        var chars = buffer.Chars;
        var runs = new List<Run>();
        var line = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c == '\n')
            {
                line++;
                continue;
            }

            if (c is not ('*' or '_' or '~') || buffer.IsLiteral(i))
            {
                continue;
            }

            var end = i + 1;
            while (end < chars.Length && chars[end] == c && !buffer.IsLiteral(end))
            {
                end++;
            }

            var length = end - i;
            var kind = c switch
            {
                '*' when length <= 3 => length - 1,
                '_' when length <= 3 => 2 + length,
                '~' when length == 2 => 6,
                _ => -1,
            };
            var before = i > 0 ? chars[i - 1] : ' ';
            var after = end < chars.Length ? chars[end] : ' ';
            var canOpen = !char.IsWhiteSpace(after) && !char.IsLetterOrDigit(before);
            var canClose = !char.IsWhiteSpace(before) && !char.IsLetterOrDigit(after);
            if (kind >= 0 && (canOpen || canClose))
            {
                runs.Add(new Run(i, length, kind, line, canOpen, canClose));
            }

            i = end - 1;
        }

        return runs;
    }

    /// <summary>A run of one emphasis marker; <see cref="Kind"/> is the marker and length (0–6).</summary>
    private readonly record struct Run(int Start, int Length, int Kind, int Line, bool CanOpen, bool CanClose);
}
