namespace ChatBotKit.Cli;

/// <summary>The tool's stdin, stdout and stderr; tests pass their own.</summary>
/// <param name="In">Viewer lines for <c>chat</c> and <c>run</c>.</param>
/// <param name="Out">The bot's messages (and only the transcript for <c>replay</c>).</param>
/// <param name="Error">Status lines, diagnostics notices and logs.</param>
/// <param name="ColourAllowed">Whether <see cref="Error"/> is a terminal that may get colour.</param>
internal sealed record CliStreams(TextReader In, TextWriter Out, TextWriter Error, bool ColourAllowed = false)
{
    /// <summary>Writes a status line to stderr, in colour when the terminal supports it and NO_COLOR is unset.</summary>
    public void Status(string text)
    {
        var colour = ColourAllowed && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        lock (Error)
        {
            Error.WriteLine(colour ? $"\u001b[36mstreambot:\u001b[0m {text}" : $"streambot: {text}");
        }
    }

    /// <summary>Writes diagnostics to <paramref name="writer"/>, one per line.</summary>
    public static void Write(TextWriter writer, IEnumerable<Scripting.ScriptDiagnostic> diagnostics)
    {
        lock (writer)
        {
            foreach (var diagnostic in diagnostics)
            {
                writer.WriteLine(diagnostic.ToString());
            }
        }
    }
}
