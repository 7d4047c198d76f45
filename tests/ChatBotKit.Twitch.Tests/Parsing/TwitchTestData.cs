namespace ChatBotKit.Twitch.Tests.Parsing;

/// <summary>The recorded Twitch lines in the shared test data (<c>../shared/testdata/twitch/*.txt</c> beside the repository).</summary>
public static class TwitchTestData
{
    public static string Directory { get; } = Find();

    public static IReadOnlyList<string> AllLines { get; } =
        [.. System.IO.Directory.GetFiles(Directory, "*.txt").Order(StringComparer.Ordinal).SelectMany(File.ReadAllLines).Where(l => l.Length > 0)];

    /// <summary>The one line in the corpus that contains <paramref name="fragment"/>.</summary>
    public static string Line(string fragment) => AllLines.Single(l => l.Contains(fragment, StringComparison.Ordinal));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "testdata", "twitch");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/testdata/twitch was not found above " + AppContext.BaseDirectory);
    }
}
