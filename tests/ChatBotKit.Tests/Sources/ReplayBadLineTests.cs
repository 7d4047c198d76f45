using ChatBotKit.Sources;
using Microsoft.Extensions.Logging;
using static ChatBotKit.Tests.Sources.ReplayLog;

namespace ChatBotKit.Tests.Sources;

/// <summary>Every kind of bad log line is logged with its line number, counted and skipped; later lines still arrive.</summary>
public sealed class ReplayBadLineTests
{
    private const string Ts = "\"ts\":\"2026-01-01T20:00:01Z\"";

    // Every bad line carries this word so the tests can check that no log above Trace quotes it.
    private const string Marker = "leak-marker";

    public static TheoryData<string, string> BadLines => new()
    {
        { "{not json " + Marker, "malformed JSON at byte 1" },
        { $$"""{{{Ts}},"user":"a","text":"{{Marker}}" """, "malformed JSON at byte" },
        { $"""["{Marker}"]""", "the line is not a JSON object (found an array)" },
        { $"\"{Marker}\"", "the line is not a JSON object (found a string)" },
        { $$"""{"user":"a","text":"{{Marker}}"}""", "missing required field 'ts'" },
        { $$"""{"ts":null,"user":"a","text":"{{Marker}}"}""", "missing required field 'ts'" },
        { $$"""{{{Ts}},"text":"{{Marker}}"}""", "missing required field 'user'" },
        { $$"""{{{Ts}},"user":"a","txt":"{{Marker}}"}""", "missing required field 'text'" },
        { $$"""{"ts":1767297601,"user":"a","text":"{{Marker}}"}""", "field 'ts' must be a string (found a number)" },
        { $$"""{{{Ts}},"user":["a"],"text":"{{Marker}}"}""", "field 'user' must be a string (found an array)" },
        { $$$"""{{{{Ts}}},"user":"a","text":{"x":"{{{Marker}}}"}}""", "field 'text' must be a string (found an object)" },
        { $$"""{"ts":"yesterday","user":"a","text":"{{Marker}}"}""", "field 'ts' is not an ISO-8601 timestamp" },
        { $$"""{"ts":"2026-13-01T20:00:01Z","user":"a","text":"{{Marker}}"}""", "field 'ts' is not an ISO-8601 timestamp" },
        { $$"""{"ts":"2026-01-01 20:00:01Z","user":"a","text":"{{Marker}}"}""", "field 'ts' is not an ISO-8601 timestamp" },
        { $$"""{"ts":"01/01/2026 20:00:01","user":"a","text":"{{Marker}}"}""", "field 'ts' is not an ISO-8601 timestamp" },
        { $$"""{{{Ts}},"user":" ","text":"{{Marker}}"}""", "field 'user' is empty" },
        { $$"""{{{Ts}},"user":"a","text":"{{Marker}}","platform":""}""", "field 'platform' is empty" },
        { $$"""{{{Ts}},"user":"a","text":"{{Marker}}","channel":7}""", "field 'channel' must be a string (found a number)" },
        { $$"""{{{Ts}},"user":"a","text":"{{Marker}}","id":true}""", "field 'id' must be a string (found a boolean)" },
        { $$"""{{{Ts}},"user":"a","text":"{{Marker}}","roles":"moderator"}""", "field 'roles' must be an array of strings (found a string)" },
        { $$"""{{{Ts}},"user":"a","text":"{{Marker}}","roles":["vip",3]}""", "field 'roles' must be an array of strings (found a number in it)" },
        { $$"""{{{Ts}},"user":"a","text":"{{Marker}}","kind":"shout"}""", "field 'kind' must be \"public\", \"action\" or \"private\"" },
        { $$"""{{{Ts}},"user":"a","text":"{{Marker}}","text":"again"}""", "field 'text' appears twice" },
        { $$"""{{{Ts}},"user":"a","text":"{{Marker}} \ud800"}""", "field 'text' is not valid UTF-16 text (lone surrogate)" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task ReadEventsAsync_BadLine_LoggedCountedSkippedAndLaterLinesArrive(string badLine, string reason) =>
        await AssertSkippedAsync(badLine, reason);

    // Kept out of theory data: test runners serialize theory data and may mangle these characters.
    [Fact]
    public async Task ReadEventsAsync_RawControlCharacterInString_Skipped() =>
        await AssertSkippedAsync($$"""{{{Ts}},"user":"a","text":"{{Marker}}{{'\u0001'}}"}""", "malformed JSON at byte");

    [Fact]
    public async Task ReadEventsAsync_RawLoneSurrogate_Skipped() =>
        await AssertSkippedAsync($$"""{{{Ts}},"user":"a","text":"{{Marker}}{{'\ud800'}}"}""", "the line is not valid UTF-16 text (lone surrogate)");

    [Fact]
    public async Task ReadEventsAsync_ManyBadLines_CountsEachAndKeepsGoing()
    {
        await using var source = new ReplayChatSource(
            new StringReader(Join(Line(0, "a", "one"), "{", "[]", "null", Line(1, "b", "two"), "42", Line(2, "c", "three"))),
            new() { Transcript = TextWriter.Null });

        var messages = await ReadAllAsync(source);

        messages.Select(m => m.Text).Should().Equal("one", "two", "three");
        source.SkippedLines.Should().Be(4);
    }

    [Fact]
    public async Task ReadEventsAsync_HugeTextAndEscapedControlCharacters_ArriveIntact()
    {
        var huge = string.Concat(Enumerable.Repeat("abc😀é ", 100_000 / 7 + 1))[..100_000];
        var control = "tab\there\nnul\0esc\u001b[31m";

        var messages = await ReadAllAsync(Join(Line(0, "a", huge), Line(1, "b", control)));

        messages.Select(m => m.Text).Should().Equal(huge, control);
    }

    private static async Task AssertSkippedAsync(string badLine, string reason)
    {
        var logs = new LogCapture();
        await using var source = new ReplayChatSource(
            new StringReader(Join(Line(0, "alice", "first"), badLine, Line(2, "bob", "second"))),
            new() { Transcript = TextWriter.Null, LoggerFactory = logs, InputName = "chat.jsonl" });

        var messages = await ReadAllAsync(source);

        messages.Select(m => m.Text).Should().Equal("first", "second");
        source.SkippedLines.Should().Be(1);
        var warning = logs.Entries.Should().ContainSingle(e => e.Level == LogLevel.Warning).Subject;
        warning.Message.Should().StartWith("chat.jsonl(2): line skipped: " + reason);
        logs.AboveTrace.Should().NotContain(e => e.Message.Contains(Marker, StringComparison.Ordinal));
        logs.Entries.Should().Contain(e => e.Level == LogLevel.Trace && e.Message.StartsWith("chat.jsonl(2): skipped line starts with: ", StringComparison.Ordinal));
    }
}
