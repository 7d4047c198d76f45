using System.Text;
using System.Text.Json;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Time;
using static ChatBotKit.Tests.Fakes.Events;
using static ChatBotKit.Tests.Sources.ReplayLog;

namespace ChatBotKit.Tests.Sources;

public sealed class ReplayChatSourceTests : ChatSourceConformanceTests<ReplayChatSource>
{
    private readonly LineFeedReader _input = new();
    private readonly LineSink _transcript = new();
    private readonly VirtualClock _clock = new(Start);
    private int _pushed;

    protected override string Channel => "replay";

    [Fact]
    public async Task ReadEventsAsync_FullLine_MapsEveryField()
    {
        const string line = """{"ts":"2026-01-01T20:00:00Z","platform":"twitch","channel":"c","user":"Alice","text":"hi @kit","roles":["subscriber"],"id":"m1"}""";

        var message = (await ReadAllAsync(line)).Should().ContainSingle().Subject;

        message.Should().BeEquivalentTo(new MessageReceived
        {
            Platform = ChatPlatform.Twitch,
            Channel = "c",
            Timestamp = Start,
            Id = "m1",
            User = new ChatUser("Alice", "alice", "Alice", ChatRoles.Subscriber),
            Text = "hi @kit",
            MessageKind = MessageKind.Public,
            RawRepresentation = line,
        });
    }

    [Fact]
    public async Task ReadEventsAsync_OnlyRequiredFields_UsesDefaults()
    {
        var message = (await ReadAllAsync("""{"ts":"2026-01-01T20:00:00Z","user":"bob","text":"hey"}""")).Should().ContainSingle().Subject;

        message.Platform.Should().Be(new ChatPlatform("replay"));
        message.Channel.Should().Be("replay");
        message.User.Roles.Should().Be(ChatRoles.None);
        message.Id.Should().BeNull();
        message.MessageKind.Should().Be(MessageKind.Public);
    }

    [Fact]
    public async Task ReadEventsAsync_OptionsSetDefaults_LinesWithoutThemUseThem()
    {
        var options = new ReplayChatSourceOptions { Platform = ChatPlatform.YouTube, Channel = "lobby" };

        var messages = await ReadAllAsync(Join(Line(0, "bob", "hey"), Line(1, "eve", "yo", channel: "c", platform: "twitch")), options);

        messages.Select(m => (m.Platform, m.Channel)).Should().Equal((ChatPlatform.YouTube, "lobby"), (ChatPlatform.Twitch, "c"));
    }

    [Theory]
    [InlineData("""["broadcaster"]""", ChatRoles.Broadcaster)]
    [InlineData("""["Moderator","VIP"]""", ChatRoles.Moderator | ChatRoles.Vip)]
    [InlineData("""["subscriber"]""", ChatRoles.Subscriber)]
    [InlineData("""["MEMBER"]""", ChatRoles.Subscriber)]
    [InlineData("""["verified"]""", ChatRoles.Verified)]
    [InlineData("""["bot","founder","artist"]""", ChatRoles.VerifiedBot)]
    [InlineData("""["founder"]""", ChatRoles.None)]
    [InlineData("""[]""", ChatRoles.None)]
    [InlineData("null", ChatRoles.None)]
    public async Task ReadEventsAsync_Roles_MapCaseInsensitivelyAndIgnoreUnknown(string roles, ChatRoles expected)
    {
        var line = $$"""{"ts":"2026-01-01T20:00:00Z","user":"bob","text":"hey","roles":{{roles}}}""";

        var message = (await ReadAllAsync(line)).Should().ContainSingle().Subject;

        message.User.Roles.Should().Be(expected);
    }

    [Theory]
    [InlineData("action", MessageKind.Action)]
    [InlineData("PRIVATE", MessageKind.Private)]
    [InlineData("public", MessageKind.Public)]
    public async Task ReadEventsAsync_Kind_SetsMessageKind(string kind, MessageKind expected)
    {
        var line = $$"""{"ts":"2026-01-01T20:00:00Z","user":"bob","text":"hey","kind":"{{kind}}"}""";

        (await ReadAllAsync(line)).Should().ContainSingle().Which.MessageKind.Should().Be(expected);
    }

    [Fact]
    public async Task ReadEventsAsync_EachLine_ClockIsAtItsTimestampAndDueTimersFiredFirst()
    {
        var fired = new List<DateTimeOffset>();
        using var timer = _clock.CreateTimer(_ => fired.Add(_clock.GetUtcNow()), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        await using var source = new ReplayChatSource(new StringReader(Join(Line(0, "a", "one"), Line(10, "b", "two"), Line(95, "c", "three"))), new() { Clock = _clock, Transcript = TextWriter.Null });
        await source.ConnectAsync();
        var seen = new List<(DateTimeOffset Event, DateTimeOffset Clock, int TimersFired)>();

        await foreach (var chatEvent in source.ReadEventsAsync())
        {
            seen.Add((chatEvent.Timestamp, _clock.GetUtcNow(), fired.Count));
        }

        seen.Should().Equal((Start, Start, 0), (Start.AddSeconds(10), Start.AddSeconds(10), 1), (Start.AddSeconds(95), Start.AddSeconds(95), 1));
        fired.Should().Equal(Start.AddSeconds(5));
    }

    [Fact]
    public async Task ReadEventsAsync_TimestampGoesBack_ReplayedWithoutMovingClockAndCounted()
    {
        var logs = new LogCapture();
        await using var source = new ReplayChatSource(
            new StringReader(Join(Line(0, "a", "one"), Line(30, "b", "two"), Line(10, "c", "three"), Line(40, "d", "four"))),
            new() { Clock = _clock, Transcript = TextWriter.Null, LoggerFactory = logs, InputName = "chat.jsonl" });
        await source.ConnectAsync();
        var seen = new List<(string Text, DateTimeOffset Event, DateTimeOffset Clock)>();

        await foreach (var chatEvent in source.ReadEventsAsync())
        {
            seen.Add((((MessageReceived)chatEvent).Text, chatEvent.Timestamp, _clock.GetUtcNow()));
        }

        seen.Should().Equal(
            ("one", Start, Start),
            ("two", Start.AddSeconds(30), Start.AddSeconds(30)),
            ("three", Start.AddSeconds(10), Start.AddSeconds(30)),
            ("four", Start.AddSeconds(40), Start.AddSeconds(40)));
        source.OutOfOrderLines.Should().Be(1);
        source.SkippedLines.Should().Be(0);
        logs.AboveTrace.Should().ContainSingle(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning)
            .Which.Message.Should().Be("chat.jsonl(3): timestamp is 00:00:20 earlier than a line before it; replayed without moving the clock");
    }

    [Fact]
    public async Task ReadEventsAsync_FilePath_ReadsFileAndNamesItInLogs()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, Join(Line(0, "a", "héllo"), "oops", Line(1, "b", "bye")), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            var logs = new LogCapture();
            await using var source = new ReplayChatSource(path, new() { Transcript = TextWriter.Null, LoggerFactory = logs });

            var messages = await ReadAllAsync(source);

            messages.Select(m => m.Text).Should().Equal("héllo", "bye");
            logs.AboveTrace.Should().Contain(e => e.Message.StartsWith($"{path}(2): line skipped: malformed JSON", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ConnectAsync_MissingFile_ThrowsAndStaysDisconnected()
    {
        await using var source = new ReplayChatSource(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".jsonl"));

        await FluentActions.Awaiting(() => source.ConnectAsync().AsTask()).Should().ThrowAsync<FileNotFoundException>();

        source.State.Should().Be(ConnectionState.Disconnected);
    }

    [Fact]
    public async Task ReadEventsAsync_Stream_ReadsUtf8AndLeavesStreamOpen()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Join(Line(0, "a", "ünïcödé 😀"))));
        var source = new ReplayChatSource(stream, new() { Transcript = TextWriter.Null });

        var messages = await ReadAllAsync(source);
        await source.DisposeAsync();

        messages.Should().ContainSingle().Which.Text.Should().Be("ünïcödé 😀");
        stream.CanRead.Should().BeTrue();
    }

    [Fact]
    public async Task ReadEventsAsync_ByteOrderMarkAndBlankLines_IgnoredWithoutCounting()
    {
        await using var source = new ReplayChatSource(new StringReader("\uFEFF" + Join(Line(0, "a", "one"), "", "   ", Line(1, "b", "two"))), new() { Transcript = TextWriter.Null });

        var messages = await ReadAllAsync(source);

        messages.Select(m => m.Text).Should().Equal("one", "two");
        source.SkippedLines.Should().Be(0);
    }

    protected override ReplayChatSource CreateSource() =>
        new(_input, new ReplayChatSourceOptions { Clock = _clock, Transcript = _transcript });

    protected override Task PushMessageAsync(string user, string text)
    {
        _input.Write(Line(_pushed++, user, text));
        return Task.CompletedTask;
    }

    protected override async Task<string> ReadSentTextAsync()
    {
        using var line = JsonDocument.Parse(await _transcript.NextLineAsync());
        return line.RootElement.GetProperty("text").GetString()!;
    }
}
