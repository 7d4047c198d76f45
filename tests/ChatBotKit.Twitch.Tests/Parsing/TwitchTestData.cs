namespace ChatBotKit.Twitch.Tests.Parsing;

/// <summary>The recorded Twitch lines in <c>tests/testdata/twitch/*.txt</c>, copied beside the test assembly.</summary>
public static class TwitchTestData
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "testdata", "twitch");

    public static IReadOnlyList<string> AllLines { get; } =
        [.. System.IO.Directory.GetFiles(Directory, "*.txt").Order(StringComparer.Ordinal).SelectMany(File.ReadAllLines).Where(l => l.Length > 0)];

    /// <summary>The one line in the corpus that contains <paramref name="fragment"/>.</summary>
    public static string Line(string fragment) => AllLines.Single(l => l.Contains(fragment, StringComparison.Ordinal));
}
