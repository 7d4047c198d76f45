using System.Text;
using ChatBotKit.Twitch.Connection;

namespace ChatBotKit.Twitch.Tests.Connection;

public sealed class LineBufferTests
{
    // Feeds `data` in pieces of `chunk` bytes, reading every complete line after each piece.
    private static List<string> Feed(LineBuffer lines, byte[] data, int chunk)
    {
        var read = new List<string>();
        for (var at = 0; at < data.Length;)
        {
            var memory = lines.GetMemory();
            memory.Length.Should().BeLessThanOrEqualTo(lines.MaxLineBytes + 2, "the buffer never holds more than one line and its CR");
            var count = Math.Min(Math.Min(chunk, memory.Length), data.Length - at);
            data.AsSpan(at, count).CopyTo(memory.Span);
            lines.Advance(count);
            at += count;
            while (lines.TryReadLine(out var line))
            {
                read.Add(line);
            }
        }

        return read;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public void TryReadLine_LinesInAnyPieces_ComeOutWholeWithoutTheirEndings(int chunk)
    {
        var lines = new LineBuffer();
        var data = Encoding.UTF8.GetBytes("PING :tmi.twitch.tv\r\n\r\n@emote-only=0 :tmi.twitch.tv ROOMSTATE #c\n:a!a@a PRIVMSG #c :héllo 😂 ぺこら\r\n");

        Feed(lines, data, chunk).Should().Equal("PING :tmi.twitch.tv", "@emote-only=0 :tmi.twitch.tv ROOMSTATE #c", ":a!a@a PRIVMSG #c :héllo 😂 ぺこら");
        lines.SkippedLines.Should().Be(0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    public void TryReadLine_LineOverTheBound_IsSkippedToItsEndAndCounted(int chunk)
    {
        var lines = new LineBuffer(maxLineBytes: 16);
        var data = Encoding.UTF8.GetBytes("short\r\n" + new string('x', 1000) + "\r\n" + new string('y', 17) + "\r\nnext\r\n");

        Feed(lines, data, chunk).Should().Equal("short", "next");
        lines.SkippedLines.Should().Be(2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    public void TryReadLine_LineOfExactlyTheBound_IsKeptWhereverItsCrlfIsCut(int chunk)
    {
        var lines = new LineBuffer(maxLineBytes: 16);
        var data = Encoding.UTF8.GetBytes(new string('z', 16) + "\r\n" + new string('w', 16) + "\n");

        Feed(lines, data, chunk).Should().Equal(new string('z', 16), new string('w', 16));
        lines.SkippedLines.Should().Be(0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(18)]
    public void TryReadLine_OneByteOverTheBoundWithoutCr_IsSkipped(int chunk)
    {
        var lines = new LineBuffer(maxLineBytes: 16);
        var data = Encoding.UTF8.GetBytes(new string('v', 17) + "\nPING :d\n");

        Feed(lines, data, chunk).Should().Equal("PING :d");
        lines.SkippedLines.Should().Be(1);
    }

    [Fact]
    public void Feed_MegabytesWithoutAnEnd_HoldsNoMoreThanTheBound()
    {
        var lines = new LineBuffer(maxLineBytes: 64 * 1024);
        var endless = Encoding.UTF8.GetBytes(new string('x', 4 * 1024 * 1024));

        Feed(lines, endless, 4096).Should().BeEmpty();
        Feed(lines, Encoding.UTF8.GetBytes("\r\nPING :after\r\n"), 4096).Should().Equal("PING :after");
        lines.SkippedLines.Should().Be(1);
    }

    [Fact]
    public void TryEndLine_PartialLine_EndsItAndAnEmptyOneGivesNothing()
    {
        var lines = new LineBuffer();
        Feed(lines, Encoding.UTF8.GetBytes("PING :a\r\nPING :b"), 64).Should().Equal("PING :a");

        lines.TryEndLine(out var last).Should().BeTrue();
        last.Should().Be("PING :b");
        lines.TryEndLine(out _).Should().BeFalse();
    }

    [Fact]
    public void TryEndLine_WhileSkipping_DropsTheRestAndTheNextLineIsRead()
    {
        var lines = new LineBuffer(maxLineBytes: 8);
        Feed(lines, Encoding.UTF8.GetBytes(new string('x', 100)), 10).Should().BeEmpty();

        lines.TryEndLine(out _).Should().BeFalse();
        Feed(lines, Encoding.UTF8.GetBytes("PING :c\r\n"), 10).Should().Equal("PING :c");
        lines.SkippedLines.Should().Be(1);
    }
}
