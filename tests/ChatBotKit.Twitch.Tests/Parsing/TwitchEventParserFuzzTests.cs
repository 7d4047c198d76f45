using System.Text;
using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.Tests.Parsing;

public class TwitchEventParserFuzzTests
{
    private const string Alphabet = "@:;=!# \\/,-.\u0001abcdefPRIVMSGUSERNOTICECLEARCHATWHISPER0123456789👉é\r\n";

    [Fact]
    public void Parse_MillionRandomAndMutatedLines_NeverThrows()
    {
        var random = new Random(20260101);
        var corpus = TwitchTestData.AllLines;
        var parser = new TwitchEventParser();
        var builder = new StringBuilder();
        var events = 0;

        for (var i = 0; i < 1_000_000; i++)
        {
            var line = (i % 2 == 0) ? Mutate(corpus[random.Next(corpus.Count)], random) : RandomLine(random, builder);
            if (parser.Parse(line) is not null)
            {
                events++;
            }
        }

        events.Should().BeGreaterThan(10_000, "mutated recorded lines still parse into events most of the time");
    }

    private static string Mutate(string line, Random random)
    {
        var chars = line.ToCharArray().ToList();
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && chars.Count > 0; e++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0: chars[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                case 1: chars.RemoveAt(at); break;
                case 2: chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                default: chars.RemoveRange(at, Math.Min(chars.Count - at, random.Next(1, 40))); break;
            }
        }

        return new string([.. chars]);
    }

    private static string RandomLine(Random random, StringBuilder builder)
    {
        builder.Clear();
        var length = random.Next(0, 120);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(10) == 0 ? (char)random.Next(0, 0xFFFF) : Alphabet[random.Next(Alphabet.Length)]);
        }

        return builder.ToString();
    }
}
