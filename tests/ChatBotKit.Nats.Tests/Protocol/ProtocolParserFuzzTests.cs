using System.Buffers;
using System.Text;
using ChatBotKit.Nats.Protocol;

namespace ChatBotKit.Nats.Tests.Protocol;

/// <summary>
/// Seeded fuzzing of the parser with the docs' real lines: concatenated, mutated (flipped, inserted,
/// deleted bytes, truncations) and random bytes, fed in random-sized reads the way a socket delivers them.
/// </summary>
public sealed class ProtocolParserFuzzTests
{
    private static readonly byte[][] Lines = [.. ProtocolParserTests.DocsLines().Select(Encoding.UTF8.GetBytes)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Parse_MutatedAndRandomInput_NeverThrowsAndAlwaysMakesProgress(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 2_000; round++)
        {
            var input = Mutate(Concatenate(random), random);
            var handler = Feed(input, random, out var unread);

            unread.Should().BeLessThanOrEqualTo(ProtocolParser.MaxControlLine + input.Length, "the parser must not hold unbounded input");
            handler.Operations.Count.Should().BeGreaterThanOrEqualTo(0);
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Parse_ValidStreamInRandomReads_SameOperationsAsOneRead(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 500; round++)
        {
            var input = Concatenate(random);
            var whole = new RecordingHandler();
            ProtocolParser.Parse(new ReadOnlySequence<byte>(input), whole);

            var chunked = Feed(input, random, out _);

            chunked.Operations.Should().Equal(whole.Operations);
        }
    }

    [Fact]
    public void Parse_EndlessLineWithoutLineEnd_IsDiscardedOnceOverTheLimit()
    {
        var handler = new RecordingHandler();
        var junk = new byte[ProtocolParser.MaxControlLine + 1];
        Array.Fill(junk, (byte)'x');
        var sequence = new ReadOnlySequence<byte>(junk);

        var position = ProtocolParser.Parse(sequence, handler);

        sequence.Slice(position).Length.Should().Be(0);
        handler.Errors.Should().Be(1);
    }

    private static byte[] Concatenate(Random random)
    {
        var count = random.Next(1, 12);
        return [.. Enumerable.Range(0, count).SelectMany(_ => Lines[random.Next(Lines.Length)])];
    }

    private static byte[] Mutate(byte[] input, Random random)
    {
        if (random.Next(10) == 0)
        {
            var noise = new byte[random.Next(1, 300)];
            random.NextBytes(noise);
            return noise;
        }

        var bytes = input.ToList();
        for (var i = random.Next(1, 6); i > 0 && bytes.Count > 0; i--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.Insert(at, (byte)" \r\n0123456789MSG"[random.Next(16)]); break;
                case 2: bytes.RemoveAt(at); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes.InsertRange(at, Encoding.ASCII.GetBytes(random.Next(-5, 100000).ToString(System.Globalization.CultureInfo.InvariantCulture))); break;
            }
        }

        return [.. bytes];
    }

    // Appends random-sized reads to a buffer and parses after each, like the reader loop.
    private static RecordingHandler Feed(byte[] input, Random random, out int unread)
    {
        var handler = new RecordingHandler();
        var buffer = new List<byte>();
        var offset = 0;
        while (offset < input.Length)
        {
            var take = Math.Min(random.Next(1, 64), input.Length - offset);
            buffer.AddRange(input.AsSpan(offset, take).ToArray());
            offset += take;
            var sequence = new ReadOnlySequence<byte>(buffer.ToArray());
            var position = ProtocolParser.Parse(sequence, handler);
            var consumed = (int)sequence.Slice(0, position).Length;
            consumed.Should().BeInRange(0, buffer.Count);
            buffer.RemoveRange(0, consumed);
        }

        unread = buffer.Count;
        return handler;
    }
}
