using System.Text;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Tests.Sources;
using ChatBotKit.YouTube.Tests.Parsing;
using ChatBotKit.YouTube.Tests.Servers;

namespace ChatBotKit.YouTube.Tests.Connection;

public sealed class YouTubeChatSourceTests : IAsyncLifetime
{
    private readonly WatchedClock _clock = new();
    private readonly LogCapture _logs = new();
    private readonly HttpClient _http = new();
    private FakeYouTube _server = null!;

    public async Task InitializeAsync() => _server = await FakeYouTube.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Read_RecordedPagesWithRefusals_PacesPollsBacksOffAndStopsAtTheEnd()
    {
        _server.Answer(YouTubeTestData.Read("pytchat_default_textmessage.json")); // timeoutMs 10000, more than the 8 s cap
        _server.Answer(429);
        _server.Answer(500);
        _server.Answer(YouTubeTestData.Read("pytchat_default_superchat.json"));
        _server.Answer(Encoding.UTF8.GetBytes("<html>Our systems have detected unusual traffic</html>"));
        _server.Answer(LiveChatJson.Page("fast", 100, LiveChatJson.TextItem("m9", "zoe", "quick")));
        _server.Answer(YouTubeTestData.Read("pytchat_default_newSponsor_current.json"));
        _server.Answer(LiveChatJson.Ended());
        await using var source = Source(FakeYouTube.VideoId);
        await source.ConnectAsync();

        var reading = source.ReadEventsAsync().ToListAsync().AsTask();
        await _clock.RunUntilAsync(reading);

        (await reading).Select(e => e.Kind).Should().Equal("message", "super-chat", "message", "subscription");
        var waits = _clock.Waits;
        waits.Should().HaveCount(7);
        waits[0].Should().Be(TimeSpan.FromSeconds(8), "10 s asked, clamped to 8 s");
        waits[1].Should().BeCloseTo(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(0.5), "the 429 backs off from 2 s with jitter");
        waits[2].Should().BeCloseTo(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), "the 500 doubles it");
        waits[3].Should().Be(TimeSpan.FromSeconds(8));
        waits[4].Should().BeCloseTo(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(0.5), "a success resets the backoff; HTML is refused like a 5xx");
        waits[5].Should().Be(TimeSpan.FromSeconds(1), "100 ms asked, clamped to 1 s");
        waits[6].Should().Be(TimeSpan.FromSeconds(8));
        _server.Polls.Select(p => p.Continuation).Should().Equal(
            FakeYouTube.AllMessages, "___continuation___", "___continuation___", "___continuation___", "___continuation___", "___continuation___", "fast", "___continuation___");
        _server.Polls.Should().OnlyContain(p => p.Key == FakeYouTube.ApiKey && p.ClientVersion == FakeYouTube.ClientVersion && p.VisitorId == "visitor-1");
        source.State.Should().Be(ConnectionState.Disconnected);
        _logs.Entries.Where(e => e.EventId == 804).Select(e => e.Message).Should().Satisfy(
            m => m.Contains("HTTP 429"), m => m.Contains("HTTP 500"), m => m.Contains("not live-chat JSON"));
        _logs.Entries.Should().ContainSingle(e => e.EventId == 803).Which.Message.Should().Contain("is over");
    }

    [Fact]
    public async Task ReadEventsAsync_CancelledWhileWaiting_NextReaderGoesOnFromTheSameContinuation()
    {
        _server.Answer(LiveChatJson.Page("c2", 2000, LiveChatJson.TextItem("m1", "ann", "first")));
        _server.Answer(LiveChatJson.Page("c3", 2000, LiveChatJson.TextItem("m2", "ann", "second")));
        await using var source = Source(FakeYouTube.VideoId);
        await source.ConnectAsync();
        using (var stop = new CancellationTokenSource())
        {
            await using var first = source.ReadEventsAsync(stop.Token).GetAsyncEnumerator(stop.Token);
            (await first.MoveNextAsync()).Should().BeTrue();
            first.Current.Should().BeOfType<MessageReceived>().Which.Text.Should().Be("first");
            var waiting = first.MoveNextAsync().AsTask();
            await stop.CancelAsync();
            await FluentActions.Awaiting(() => waiting).Should().ThrowAsync<OperationCanceledException>();
        }

        await using var second = source.ReadEventsAsync().GetAsyncEnumerator();
        var next = second.MoveNextAsync().AsTask();
        await _clock.AdvanceNextWaitAsync();

        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
        second.Current.Should().BeOfType<MessageReceived>().Which.Text.Should().Be("second");
        _server.Polls.Select(p => p.Continuation).Should().Equal(FakeYouTube.AllMessages, "c2");
        _clock.Waits.Should().Equal(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Read_PollWithoutAnswer_IsRetriedAfterTheClientTimeout()
    {
        _server.Hang();
        _server.Answer(LiveChatJson.Page("c2", 2000, LiveChatJson.TextItem("m1", "ann", "after the silence")));
        // Long enough that the answered poll after it never runs into it on a loaded machine.
        using var impatient = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await using var source = new YouTubeChatSource(FakeYouTube.VideoId, new YouTubeOptions { Endpoint = _server.Endpoint }, impatient, _logs, _clock);
        await source.ConnectAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();

        var next = events.MoveNextAsync().AsTask();
        await _clock.AdvanceNextWaitAsync();

        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
        events.Current.Should().BeOfType<MessageReceived>().Which.Text.Should().Be("after the silence");
        _logs.Entries.Should().ContainSingle(e => e.EventId == 804).Which.Message.Should().Contain("no answer in time");
    }

    [Fact]
    public async Task Connect_Handle_FindsTheLiveVideoAndPicksTheLiveChatViewByIndex()
    {
        await using var source = Source("@somechannel");

        await source.ConnectAsync();
        await ReadOnePollAsync(source);

        source.VideoId.Should().Be(FakeYouTube.VideoId);
        _server.Polls[0].Continuation.Should().Be(FakeYouTube.AllMessages, "index 1 is taken whatever its (translated) title says");
        _logs.Entries.Should().ContainSingle(e => e.EventId == 801).Which.Message.Should().Contain("read-only");
    }

    [Fact]
    public async Task Connect_OlderLiveChatPageShape_TakesIndexOneOfTheRecordedSelector()
    {
        _server.LiveChatInitialData = Encoding.UTF8.GetString(YouTubeTestData.Read("chat-downloader_live_chat_page_initial_data_2020.json"));
        await using var source = Source("https://www.youtube.com/channel/UC9pYOJPB5UYlMlGKKZWo-Bw/live");

        await source.ConnectAsync();
        await ReadOnePollAsync(source);

        _server.Polls[0].Continuation.Should().StartWith("0ofMyAPTARqsAUNqZ0tE").And.EndWith("CAE%3D", "the recorded Live chat entry ends so; Top chat ends CAQ%3D");
    }

    [Fact]
    public async Task Connect_PageWithoutYtcfg_FailsNamingIt()
    {
        _server.ServeYtcfg = false;
        await using var source = Source(FakeYouTube.VideoId);

        var connecting = () => source.ConnectAsync().AsTask();

        (await connecting.Should().ThrowAsync<ChatBotKitException>()).Which.Message.Should().Contain("ytcfg");
        source.State.Should().Be(ConnectionState.Disconnected);
    }

    [Fact]
    public async Task Connect_ChannelNotLive_FailsSayingThereIsNoLiveChat()
    {
        _server.ServeChat = false;
        await using var source = Source("@quietchannel");

        var connecting = () => source.ConnectAsync().AsTask();

        (await connecting.Should().ThrowAsync<ChatBotKitException>()).Which.Message.Should().Contain("shows no live chat").And.Contain("/@quietchannel/live");
        _server.Polls.Should().BeEmpty();
    }

    [Fact]
    public async Task SendAsync_Keyless_IsDroppedWithTheReason()
    {
        await using var source = Source(FakeYouTube.VideoId);
        await source.ConnectAsync();

        var result = await source.SendAsync(new OutgoingMessage { Channel = FakeYouTube.VideoId, Text = "hi" });

        result.Status.Should().Be(SendStatus.Dropped);
        result.Reason.Should().StartWith("keyless YouTube reading is read-only");
    }

    [Fact]
    public async Task DisposeAsync_WhileWaitingToPoll_EndsReadingQuietly()
    {
        await using var source = Source(FakeYouTube.VideoId);
        await source.ConnectAsync();
        var reading = source.ReadEventsAsync().ToListAsync().AsTask();
        await _server.WaitForPollAsync();

        await source.DisposeAsync();

        (await reading.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeEmpty();
        source.State.Should().Be(ConnectionState.Closed);
    }

    private YouTubeChatSource Source(string video) =>
        new(video, new YouTubeOptions { Endpoint = _server.Endpoint }, _http, _logs, _clock);

    private async Task ReadOnePollAsync(YouTubeChatSource source)
    {
        using var stop = new CancellationTokenSource();
        var reading = source.ReadEventsAsync(stop.Token).ToListAsync(stop.Token).AsTask();
        await _server.WaitForPollAsync();
        await stop.CancelAsync();
        await FluentActions.Awaiting(() => reading).Should().ThrowAsync<OperationCanceledException>();
    }
}
