using System.Buffers;
using System.Text;
using ChatBotKit.Nats.Protocol;

namespace ChatBotKit.Nats.Tests.Protocol;

public sealed class ProtocolParserTests
{
    internal static string[] DocsLines() =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "testdata", "nats", "nats-docs_client_protocol_examples.txt"))
            .Where(l => l.Length > 0)
            .Select(l => l.Replace("␍␊", "\r\n", StringComparison.Ordinal))];

    internal static RecordingHandler Parse(string input, out int unread)
    {
        var handler = new RecordingHandler();
        var sequence = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(input));
        var position = ProtocolParser.Parse(sequence, handler);
        unread = (int)sequence.Slice(position).Length;
        return handler;
    }

    [Fact]
    public void Parse_DocsServerExamples_ReadsEachOperation()
    {
        var serverLines = DocsLines().Where(l => l.StartsWith("MSG", StringComparison.Ordinal) || l.StartsWith("HMSG", StringComparison.Ordinal)
            || l.StartsWith("PING", StringComparison.Ordinal) || l.StartsWith("PONG", StringComparison.Ordinal) || l.StartsWith("+OK", StringComparison.Ordinal));

        var handler = Parse(string.Concat(serverLines), out var unread);

        unread.Should().Be(0);
        handler.Operations.Should().Equal(
            "MSG FOO.BAR 9  [] [Hello World]",
            "MSG FOO.BAR 9 GREETING.34 [] [Hello World]",
            "BAD HMSG needs subject, sid, [reply], header and total sizes",
            "BAD unknown operation",
            "BAD unknown operation",
            "BAD unknown operation",
            "BAD unknown operation",
            "MSG FOO.BAR 9 BAZ.69 [NATS/1.0\r\nFoodGroup: vegetable\r\n\r\n] [Hello World]",
            "PING",
            "PONG");
    }

    [Fact]
    public void Parse_DocsInfoLine_HandsOverJsonThatServerInfoReads()
    {
        var line = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "nats", "nats-docs_INFO_line.txt")).Trim() + "\r\n";

        var handler = Parse(line, out _);

        var json = handler.Operations.Single()["INFO ".Length..];
        var info = ServerInfo.Parse(Encoding.UTF8.GetBytes(json));
        info.ServerId.Should().Be("Zk0GQ3JBSrg3oyxCRRlE09");
        info.MaxPayload.Should().Be(1048576);
        info.Headers.Should().BeFalse();
    }

    [Fact]
    public void Parse_ErrAndLowerCaseOps_AreRecognised()
    {
        var handler = Parse("-ERR 'Authorization Violation'\r\nping\r\nmsg a 1 2\r\nhi\r\n", out _);

        handler.Operations.Should().Equal("ERR Authorization Violation", "PING", "MSG a 1  [] [hi]");
    }

    [Fact]
    public void Parse_PayloadSplitAcrossReads_WaitsForTheRest()
    {
        var handler = Parse("PING\r\nMSG a 1 11\r\nHello", out var unread);

        handler.Operations.Should().Equal("PING");
        unread.Should().Be("MSG a 1 11\r\nHello".Length);
    }

    [Fact]
    public void Parse_MultiSegmentBuffer_SameResultAsOneSegment()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(DocsLines().Where(l => l.StartsWith("MSG", StringComparison.Ordinal))));
        var expected = Parse(Encoding.UTF8.GetString(bytes), out _).Operations;
        for (var split = 1; split < bytes.Length; split++)
        {
            var handler = new RecordingHandler();
            ProtocolParser.Parse(Segments.Split(bytes, split), handler);
            handler.Operations.Should().Equal(expected, $"split at {split}");
        }
    }

    [Fact]
    public void Parse_BadLines_AreSkippedAndTheStreamGoesOn()
    {
        var handler = Parse("BOGUS\r\nMSG a x 2\r\nMSG a 1 -2\r\nMSG a 1 2\r\nhiXX\r\nPONG\r\n", out var unread);

        handler.Operations.Should().Equal("BAD unknown operation", "BAD bad sid or size", "BAD bad sid or size", "BAD payload not followed by CRLF", "BAD unknown operation", "PONG");
        unread.Should().Be(0);
    }
}
