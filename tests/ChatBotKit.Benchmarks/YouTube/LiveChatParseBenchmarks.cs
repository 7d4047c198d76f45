using BenchmarkDotNet.Attributes;
using ChatBotKit.YouTube.Parsing;

namespace ChatBotKit.Benchmarks.YouTube;

/// <summary>
/// A recorded <c>get_live_chat</c> page (bytes) into ChatEvents, with a fresh parser per page (no
/// duplicate carry-over), for the comparison with youtubei.js's parser on the same files.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LiveChatParseBenchmarks
{
    private byte[] _body = [];

    [Params("pytchat_speed_speedtest_normal.json", "pytchat_test_stream.json", "chat-downloader_live_chat_page_initial_data_2020.json")]
    public string Page { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _body = File.ReadAllBytes(Path.Combine(TestData.Folder, "youtube", Page));

    [Benchmark]
    public int Parse() => new LiveChatParser("video1").Parse(_body).Events.Count;
}

/// <summary>The repository's recorded wire data (<c>tests/testdata</c>), found from the benchmark's own folder.</summary>
internal static class TestData
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "testdata");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No tests/testdata above {AppContext.BaseDirectory}.");
    }
}
