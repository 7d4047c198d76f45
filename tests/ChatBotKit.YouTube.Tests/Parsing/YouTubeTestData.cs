using ChatBotKit.YouTube.Parsing;

namespace ChatBotKit.YouTube.Tests.Parsing;

/// <summary>The recorded responses in <c>testdata/youtube</c>, copied next to the test assembly.</summary>
internal static class YouTubeTestData
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "testdata", "youtube");

    public static IEnumerable<string> Files => Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileName)!;

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    public static LiveChatPage Parse(string name) => new LiveChatParser("video1").Parse(Read(name));
}
