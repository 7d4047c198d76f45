using System.Text;

namespace ChatBotKit.CyTube;

/// <summary>Kryten's subject token rules: lowercase, no dots, spaces to <c>-</c>, wildcards and punctuation stripped, at most 100 characters.</summary>
internal static class SubjectToken
{
    private const string Stripped = "*>!@#$%^&*()+=[]{|}\\:;\"'<>,?/.";

    public static string Normalize(string token)
    {
        var builder = new StringBuilder(token.Length);
        foreach (var c in token.ToLowerInvariant())
        {
            if (c == ' ')
            {
                builder.Append('-');
            }
            else if (!Stripped.Contains(c, StringComparison.Ordinal) && !char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.Length > 100 ? builder.ToString(0, 100) : builder.ToString();
    }
}
