using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Twitch.Tests.Parsing;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Twitch.Tests.Connection;

/// <summary>The source against the fake Twitch server: login, transports, replayed lines, roles, notices and reconnects.</summary>
public sealed class TwitchChatSourceTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConnectAsync_WithToken_LogsInJoinsAndReadsRecordedLines(bool webSocket)
    {
        var server = Own(new FakeTwitchServer(webSocket: webSocket) { EnforceLimits = false });
        var source = Own(Source(server, "pajlada"));

        await source.ConnectAsync();

        (await server.NextJoinAsync(Patience)).Should().Be("pajlada");
        server.LastPasswords.Should().Equal("oauth:test-token");
        source.Nick.Should().Be("kitbot");
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        await server.PushAsync(TwitchTestData.AllLines.First(l => l.Contains("display-name=JuN1oRRRR", StringComparison.Ordinal)));
        (await NextAsync<MessageReceived>(events)).Text.Should().Be("dank cam");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadEvents_LineLongerThanTheBound_IsSkippedAndTheConnectionGoesOn(bool webSocket)
    {
        var server = Own(new FakeTwitchServer(webSocket: webSocket) { EnforceLimits = false });
        var log = new ChatBotKit.Tests.Sources.LogCapture();
        var source = Own(new TwitchChatSource(TwitchChatSourceConformanceTests.OpenOptions(server.Address), new ChatSourceContext { Channels = ["pajlada"], LoggerFactory = log }));
        await source.ConnectAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        var line = TwitchTestData.AllLines.First(l => l.Contains("display-name=JuN1oRRRR", StringComparison.Ordinal));

        await server.PushAsync(line.Replace("dank cam", "dank cam " + new string('x', 100_000), StringComparison.Ordinal));
        await server.PushAsync(line);

        (await NextAsync<MessageReceived>(events)).Text.Should().Be("dank cam");
        server.Logins.Should().Be(1, "the connection was kept");
        log.Entries.Should().ContainSingle(e => e.EventId == 721 && e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task ConnectAsync_NoNick_AnonymousJustinfanWithoutPasswordAndSendsNothing()
    {
        var server = Own(new FakeTwitchServer { EnforceLimits = false });
        var source = Own(new TwitchChatSource(TwitchChatSourceConformanceTests.OpenOptions(server.Address) with { Nick = null }));

        await source.ConnectAsync();
        var result = await source.SendAsync(new OutgoingMessage { Channel = "c", Text = "hi" });

        result.Status.Should().Be(SendStatus.Dropped);
        result.Reason.Should().Contain("anonymous (read-only)");
        source.IsAnonymous.Should().BeTrue();
        source.Nick.Should().MatchRegex("^justinfan[0-9]+$");
        server.LastPasswords.Should().BeEmpty();
        source.Statistics.AnonymousDrops.Should().Be(1);
    }

    [Fact]
    public async Task SendAsync_Whisper_IsDroppedSayingIrcCannotCarryIt()
    {
        var server = Own(new FakeTwitchServer { EnforceLimits = false });
        var source = Own(Source(server));
        await source.ConnectAsync();

        var whisper = await source.SendAsync(new OutgoingMessage { Channel = "c", Text = "psst", Kind = MessageKind.Private });
        var message = await source.SendAsync(new OutgoingMessage { Channel = "c", Text = "hello" });

        whisper.Should().Be(SendResult.Dropped("whispers cannot be sent over IRC (Twitch needs the Helix API for them)"));
        message.Should().Be(SendResult.Queued);
        (await server.NextReceivedAsync(TimeSpan.FromSeconds(10))).Text.Should().Be("hello");
    }

    [Fact]
    public async Task ReadEvents_EveryRecordedLineReplayed_ArrivesAndConnectionLinesAreAnswered()
    {
        var server = Own(new FakeTwitchServer { SendRoomState = false, EnforceLimits = false });
        var source = Own(Source(server));
        await source.ConnectAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        var lines = TwitchTestData.AllLines.Where(l => !l.EndsWith("RECONNECT", StringComparison.Ordinal)).ToList();
        var eventLines = lines.Where(l => new ChatBotKit.Twitch.Parsing.TwitchEventParser().Parse(l) is { Channel: not "*" }).ToList();
        var expected = eventLines.Count;

        foreach (var line in lines)
        {
            await server.PushAsync(line);
        }

        await server.PushAsync(":tmi.twitch.tv PING :end");
        var received = new List<ChatEvent>();
        for (var i = 0; i < expected; i++)
        {
            (await events.MoveNextAsync().AsTask().WaitAsync(Patience)).Should().BeTrue();
            received.Add(events.Current);
        }

        received.Should().Contain(e => e is UserSubscribed).And.Contain(e => e is ChannelRaided).And.Contain(e => e is MessageDeleted);
        received.Select(e => (string)e.RawRepresentation!).Should().Equal(eventLines, "every event line arrives once, in order");
    }

    [Fact]
    public async Task ServerRestartsConnection_SourceReconnectsRejoinsAndKeepsTheStream()
    {
        var server = Own(new FakeTwitchServer { SendRoomState = false, EnforceLimits = false });
        var source = Own(Source(server, "one", "two"));
        await source.ConnectAsync();
        await source.JoinAsync("#Three");
        var joins = new[] { await server.NextJoinAsync(Patience), await server.NextJoinAsync(Patience), await server.NextJoinAsync(Patience) };
        joins.Should().BeEquivalentTo("one", "two", "three");

        await server.DropConnectionsAsync();

        var rejoined = new[] { await server.NextJoinAsync(Patience), await server.NextJoinAsync(Patience), await server.NextJoinAsync(Patience) };
        rejoined.Should().BeEquivalentTo("one", "two", "three");
        server.Logins.Should().Be(2);
        source.Channels.Should().BeEquivalentTo("one", "two", "three");
    }

    [Fact]
    public async Task Reconnect_ServerSaysReconnect_OpensANewConnection()
    {
        var server = Own(new FakeTwitchServer { EnforceLimits = false });
        var source = Own(Source(server, "one"));
        await source.ConnectAsync();
        await server.NextJoinAsync(Patience);

        await server.PushAsync(":tmi.twitch.tv RECONNECT");

        (await server.NextJoinAsync(Patience)).Should().Be("one");
        server.Logins.Should().Be(2);
    }

    [Fact]
    public async Task SendAsync_Reply_ThreadedWithReplyParentTag()
    {
        var server = Own(new FakeTwitchServer { EnforceLimits = false });
        var source = Own(Source(server, "c"));
        await source.ConnectAsync();

        await source.SendAsync(new OutgoingMessage { Channel = "#C", Text = "line one\r\nline two", ReplyToId = "abc-123" });

        var received = await server.NextReceivedAsync(Patience);
        received.Should().BeEquivalentTo(new { Channel = "c", Text = "line one line two", ReplyTo = "abc-123" });
    }

    [Fact]
    public async Task UserState_ModeratorBadge_MakesTheChannelElevated()
    {
        var server = Own(new FakeTwitchServer(badges: "moderator/1") { EnforceLimits = false });
        var source = Own(Source(server, "modded"));
        await source.ConnectAsync();
        await server.NextJoinAsync(Patience);

        await WaitUntilAsync(() => source.IsElevatedIn("modded"));

        source.IsElevatedIn("other").Should().BeFalse();
    }

    [Fact]
    public async Task Notice_Banned_SurfacedCountedAndChannelStopped()
    {
        var server = Own(new FakeTwitchServer { SendRoomState = false, EnforceLimits = false });
        var source = Own(Source(server, "forsen"));
        await source.ConnectAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();

        await server.PushAsync(TwitchTestData.Line("@msg-id=msg_banned"));
        var notice = await NextAsync<ChannelNotice>(events);
        await source.SendAsync(new OutgoingMessage { Channel = "forsen", Text = "anyone?" });

        notice.NoticeId.Should().Be("msg_banned");
        source.Statistics.BannedNotices.Should().Be(1);
        await WaitUntilAsync(() => source.Statistics.StoppedChannelDrops == 1);
        server.AllReceived.Should().BeEmpty();
    }

    [Fact]
    public async Task SendAsync_WhileDisconnected_QueuedMessageSentAfterReconnect()
    {
        var server = Own(new FakeTwitchServer { EnforceLimits = false });
        var source = Own(Source(server, "c"));
        await source.ConnectAsync();
        var reconnecting = new TaskCompletionSource();
        source.StateChanged += (_, e) =>
        {
            if (e.Current == ConnectionState.Reconnecting)
            {
                reconnecting.TrySetResult();
            }
        };

        await server.DropConnectionsAsync();
        await reconnecting.Task.WaitAsync(Patience);
        await source.SendAsync(new OutgoingMessage { Channel = "c", Text = "queued while away" });

        (await server.NextReceivedAsync(Patience)).Text.Should().Be("queued while away");
        source.Statistics.Sent.Should().Be(1);
    }

    internal static TwitchChatSource Source(FakeTwitchServer server, params string[] channels) =>
        new(TwitchChatSourceConformanceTests.OpenOptions(server.Address), new ChatSourceContext { Channels = channels });

    private T Own<T>(T owned)
        where T : IAsyncDisposable
    {
        _owned.Add(owned);
        return owned;
    }

    private static async Task<T> NextAsync<T>(IAsyncEnumerator<ChatEvent> events)
        where T : ChatEvent
    {
        while (true)
        {
            (await events.MoveNextAsync().AsTask().WaitAsync(Patience)).Should().BeTrue();
            if (events.Current is T match)
            {
                return match;
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the condition should become true");
            await Task.Delay(10);
        }
    }
}
