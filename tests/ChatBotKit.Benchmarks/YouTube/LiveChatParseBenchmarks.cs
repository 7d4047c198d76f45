using BenchmarkDotNet.Attributes;
using ChatBotKit.YouTube.Parsing;

namespace ChatBotKit.Benchmarks.YouTube;

/// <summary>
/// A recorded <c>get_live_chat</c> page (bytes) into ChatEvents, with a fresh parser per page (no
/// duplicate carry-over), for the comparison with youtubei.js's parser on the same files
/// (<c>youtubei-parse.mjs</c>). Each page is read as recorded (pretty-printed) and without its
/// whitespace, as YouTube sends it to a client that asks for <c>prettyPrint=false</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LiveChatParseBenchmarks
{
    private byte[] _body = [];

    [Params("pytchat_speed_speedtest_normal.json", "pytchat_test_stream.json", "chat-downloader_live_chat_page_initial_data_2020.json")]
    public string Page { get; set; } = "";

    [Params(false, true)]
    public bool Minified { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var recorded = File.ReadAllBytes(Path.Combine(TestData.Folder, "youtube", Page));
        _body = Minified ? WithoutWhitespace(recorded) : recorded;
    }

    [Benchmark]
    public int Parse() => new LiveChatParser("video1").Parse(_body).Events.Count;

    /// <summary>The JSON without the whitespace between tokens (the same bytes youtubei-parse.mjs makes).</summary>
    internal static byte[] WithoutWhitespace(byte[] json)
    {
        var result = new List<byte>(json.Length);
        var (inString, escaped) = (false, false);
        foreach (var b in json)
        {
            if (inString)
            {
                (inString, escaped) = (escaped || b != '"', !escaped && b == '\\');
            }
            else if (b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                continue;
            }
            else
            {
                inString = b == '"';
            }

            result.Add(b);
        }

        return [.. result];
    }
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
