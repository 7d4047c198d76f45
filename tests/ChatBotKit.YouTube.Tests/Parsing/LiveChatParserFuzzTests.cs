using System.Text;
using ChatBotKit.YouTube.Parsing;

namespace ChatBotKit.YouTube.Tests.Parsing;

/// <summary>
/// Mutated recorded documents never make the parser throw. 20,000 mutations here; set
/// <c>YOUTUBE_FUZZ_COUNT</c> (for example to 1000000) for the long run the issue asks for.
/// </summary>
public sealed class LiveChatParserFuzzTests
{
    private static readonly byte[] Tokens = Encoding.UTF8.GetBytes("{}[]\",:0-9etnaf\\ ");

    [Fact]
    public void Parse_MutatedRecordedDocuments_NeverThrow()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("YOUTUBE_FUZZ_COUNT"), out var n) ? n : 20_000;
        var random = new Random(16);
        var corpus = YouTubeTestData.Files.Where(f => !f.StartsWith("chat-downloader", StringComparison.Ordinal)).Select(YouTubeTestData.Read).ToArray();
        var readable = 0;
        for (var i = 0; i < count; i++)
        {
            var document = Mutate(corpus[random.Next(corpus.Length)], random);

            var page = new LiveChatParser("fuzz", 64).Parse(document);

            readable += page.IsReadable ? 1 : 0;
        }

        readable.Should().BePositive("some mutations leave valid JSON, so the mapping itself is exercised");
    }

    internal static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        for (var edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = Tokens[random.Next(Tokens.Length)];
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 40)));
                    break;
                case 2:
                    bytes.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                default:
                    SwapValue(bytes, random);
                    break;
            }
        }

        return [.. bytes];
    }

    // Replaces one quoted string with a value of another kind, so that structure stays valid and types change.
    private static void SwapValue(List<byte> bytes, Random random)
    {
        var start = bytes.IndexOf((byte)':', random.Next(bytes.Count));
        if (start < 0 || start + 1 >= bytes.Count || bytes[start + 1] != (byte)'"')
        {
            return;
        }

        var end = bytes.IndexOf((byte)'"', start + 2);
        if (end > 0)
        {
            string[] values = ["1e400", "-1", "null", "[]", "{}", "true", "\"\"", "99999999999999999999"];
            bytes.RemoveRange(start + 1, end - start);
            bytes.InsertRange(start + 1, Encoding.UTF8.GetBytes(values[random.Next(values.Length)]));
        }
    }
}
