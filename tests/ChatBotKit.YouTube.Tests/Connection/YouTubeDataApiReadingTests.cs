using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.YouTube.Tests.DataApi;
using ChatBotKit.YouTube.Tests.Servers;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotKit.YouTube.Tests.Connection;

public sealed class YouTubeDataApiReadingTests : DataApiSourceTestBase
{
    [Fact]
    public async Task Read_ApiKey_FollowsPageTokensWaitsAsAskedDeliversOverlapsOnceAndStopsOffline()
    {
        Api.Answer(DataApiJson.Page("p2", 2000, DataApiJson.Text("m1", "ann", "one"), DataApiJson.Text("m2", "bob", "two")));
        Api.Answer(DataApiJson.Page("p3", 12000, DataApiJson.Text("m2", "bob", "two"), DataApiJson.Text("m3", "cat", "three")));
        Api.Answer(DataApiJson.Page("p4", 5000));
        Api.Answer(DataApiJson.Offline("2026-12-05T22:00:00Z"));
        await using var source = Source(new YouTubeOptions { ApiKey = FakeDataApi.ApiKey });
        await source.ConnectAsync();

        var reading = source.ReadEventsAsync().ToListAsync().AsTask();
        await Clock.RunUntilAsync(reading);

        var events = await reading;
        events.OfType<MessageReceived>().Select(m => m.Text).Should().Equal("one", "two", "three");
        events.Last().Should().BeOfType<ChannelNotice>().Which.NoticeId.Should().Be("youtube-chat-ended");
        Clock.Waits.Should().Equal([TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(8)], "2 s asked is raised to ApiPollInterval (8 s); 12 s asked is kept");
        var lists = Api.Calls.Where(c => c.Method == "list").ToList();
        lists.Select(c => PageToken(c.Query)).Should().Equal(null, "p2", "p3", "p4");
        lists.Should().OnlyContain(c => c.Query.Contains("liveChatId=chat-1") && c.Auth == $"key {FakeDataApi.ApiKey}");
        Api.Calls.Should().ContainSingle(c => c.Method == "videos.list").Which.Query.Should().Contain($"id={FakeYouTube.VideoId}");
        source.QuotaUnitsSpent.Should().Be(1 + (4 * 5), "videos.list costs 1 unit and each liveChatMessages.list 5");
        source.State.Should().Be(ConnectionState.Disconnected);
        Logs.Entries.Should().ContainSingle(e => e.EventId == 812).Which.Message.Should().Contain("offline");
        Logs.Entries.Should().ContainSingle(e => e.EventId == 811, "an API key reads read-only, said once");
    }

    [Fact]
    public async Task Read_FirstPageHoldsHistory_SkipsWhatWasSentBeforeTheChatWasOpened()
    {
        Clock.Advance(DateTimeOffset.Parse("2026-12-05T21:00:00Z", CultureInfo.InvariantCulture) - Clock.GetUtcNow());
        Api.Answer(DataApiJson.Page("p2", 5000,
            DataApiJson.Text("m1", "ann", "answered before the restart"),
            At("2026-12-05T20:59:57.000Z", DataApiJson.Text("m2", "bob", "within the clock skew"))));
        Api.Answer(DataApiJson.Page("p3", 5000, At("2026-12-05T21:00:09.000Z", DataApiJson.Text("m3", "cat", "after the start"))));
        Api.Answer(DataApiJson.Offline("2026-12-05T22:00:00Z"));
        await using var source = Source(new YouTubeOptions { ApiKey = FakeDataApi.ApiKey });
        await source.ConnectAsync();

        var reading = source.ReadEventsAsync().ToListAsync().AsTask();
        await Clock.RunUntilAsync(reading);

        (await reading).OfType<MessageReceived>().Select(m => m.Text).Should().Equal("within the clock skew", "after the start");
        Logs.Entries.Should().ContainSingle(e => e.EventId == 815).Which.Message.Should().Contain("skipped 1 item(s)");
    }

    private static string At(string publishedAt, string item) => item.Replace("2026-12-05T20:00:00.000Z", publishedAt, StringComparison.Ordinal);

    [Fact]
    public async Task Read_QuotaExceeded_StopsPollingAtOnceWithANoticeAndAnErrorLog()
    {
        Api.Answer(DataApiJson.Page("p2", 5000, DataApiJson.Text("m1", "ann", "before")));
        Api.Answer(403, DataApiJson.Error(403, "quotaExceeded"));
        await using var source = Source(new YouTubeOptions { ApiKey = FakeDataApi.ApiKey });
        await source.ConnectAsync();

        var reading = source.ReadEventsAsync().ToListAsync().AsTask();
        await Clock.RunUntilAsync(reading);

        var events = await reading;
        events.Select(e => e.Kind).Should().Equal("message", "notice");
        events[1].Should().BeOfType<ChannelNotice>().Which.NoticeId.Should().Be("youtube-quota-exceeded");
        Api.Calls.Count(c => c.Method == "list").Should().Be(2, "a quotaExceeded is not retried");
        Clock.Waits.Should().Equal(TimeSpan.FromSeconds(8));
        var log = Logs.Entries.Should().ContainSingle(e => e.EventId == 810).Subject;
        log.Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Error);
        log.Message.Should().Contain("403 quotaExceeded").And.Contain("midnight Pacific");
        Logs.Entries.Should().NotContain(e => e.EventId == 804, "nothing is retried");
    }

    [Fact]
    public async Task Read_OneHourAtTheDefaults_Spends2250UnitsOnLists()
    {
        await using var source = Source(new YouTubeOptions { ApiKey = FakeDataApi.ApiKey });
        await source.ConnectAsync();
        using var stop = new CancellationTokenSource();
        var reading = source.ReadEventsAsync(stop.Token).ToListAsync(stop.Token).AsTask();

        // Lists go out at 0 s, 8 s, … 3,592 s: the 450th wait starts at the last one of the hour, and is left waiting.
        for (var list = 1; list <= 450; list++)
        {
            var wait = await Clock.NextWaitStartedAsync();
            if (list < 450)
            {
                Clock.Advance(wait);
            }
        }

        Clock.Waits.Should().AllBeEquivalentTo(TimeSpan.FromSeconds(8), "the fake asks for 5 s, raised to ApiPollInterval");
        Api.Calls.Count(c => c.Method == "list").Should().Be(450);
        source.QuotaUnitsSpent.Should().Be(1 + (450 * 5), "docs/youtube.md: 2,250 units an hour of reading, plus 1 to connect");
        await stop.CancelAsync();
        await FluentActions.Awaiting(() => reading).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Read_BudgetNearlySpent_WarnsAt80PercentSlowsDownAndStopsBeforeOverrunning()
    {
        await using var source = Source(new YouTubeOptions { ApiKey = FakeDataApi.ApiKey, DailyQuota = 26 });
        await source.ConnectAsync();

        var reading = source.ReadEventsAsync().ToListAsync().AsTask();
        await Clock.RunUntilAsync(reading);

        (await reading).Should().ContainSingle().Which.Should().BeOfType<ChannelNotice>().Which.NoticeId.Should().Be("youtube-quota-budget-spent");
        Api.Calls.Count(c => c.Method == "list").Should().Be(5, "1 + 5 × 5 = 26 units; a sixth list would overrun");
        source.QuotaUnitsSpentToday.Should().Be(26);
        Clock.Waits.Should().Equal(
            [TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(16)],
            "from 21 of 26 units (80 %) the wait doubles");
        Logs.Entries.Should().ContainSingle(e => e.EventId == 809).Which.Message.Should().Contain("21 of the day's 26");
        Logs.Entries.Should().ContainSingle(e => e.EventId == 810).Which.Message.Should().Contain("budget of 26 units");
    }

    [Fact]
    public async Task Read_ServerErrorsAndABrokenPage_BackOffAndGoOnFromTheSamePageToken()
    {
        Api.Answer(DataApiJson.Page("p2", 5000));
        Api.Answer(503, DataApiJson.Error(503, "backendError"));
        Api.Answer("<html>oops</html>"u8.ToArray());
        Api.Answer(DataApiJson.Page("p3", 5000, DataApiJson.Text("m1", "ann", "after")));
        await using var source = Source(new YouTubeOptions { ApiKey = FakeDataApi.ApiKey });
        await source.ConnectAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();

        var next = events.MoveNextAsync().AsTask();
        for (var i = 0; i < 3; i++)
        {
            await Clock.AdvanceNextWaitAsync();
        }

        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
        events.Current.Should().BeOfType<MessageReceived>().Which.Text.Should().Be("after");
        Api.Calls.Where(c => c.Method == "list").Select(c => PageToken(c.Query)).Should().Equal(null, "p2", "p2", "p2");
        Logs.Entries.Where(e => e.EventId == 804).Select(e => e.Message).Should().Satisfy(
            m => m.Contains("HTTP 503 backendError"), m => m.Contains("not a liveChatMessageListResponse"));
    }

    [Fact]
    public async Task QuotaCounter_EveryCall_IsMeasuredByMethod()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var measured = new ConcurrentQueue<(string Method, long Units)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "chatbotkit.youtube.quota.units")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, units, tags, _) => measured.Enqueue(((string)tags[0].Value!, units)));
        listener.Start();
        await using var source = Source(new YouTubeOptions { ApiKey = FakeDataApi.ApiKey }, meters);
        await source.ConnectAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        Api.Answer(DataApiJson.Page("p2", 5000, DataApiJson.Text("m1", "ann", "one")));

        (await events.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();

        measured.Should().Equal(("videos.list", 1L), ("liveChatMessages.list", 5L));
        source.QuotaUnitsSpent.Should().Be(6);
    }

    [Fact]
    public async Task Connect_VideoNotLive_FailsNamingTheMissingFieldAndWhere()
    {
        Api.ActiveLiveChatId = null;
        await using var source = Source(new YouTubeOptions { ApiKey = FakeDataApi.ApiKey });

        var connecting = () => source.ConnectAsync().AsTask();

        (await connecting.Should().ThrowAsync<ChatBotKitException>()).Which.Message.Should()
            .Contain("missing activeLiveChatId at $.items[0].liveStreamingDetails").And.Contain(FakeYouTube.VideoId);
    }

    [Fact]
    public async Task Connect_WrongApiKey_FailsWithYouTubesAnswer()
    {
        await using var source = Source(new YouTubeOptions { ApiKey = "not-the-key" });

        var connecting = () => source.ConnectAsync().AsTask();

        (await connecting.Should().ThrowAsync<ChatBotKitException>()).Which.Message.Should().Contain("HTTP 401 authError").And.NotContain("not-the-key");
    }

    private static string? PageToken(string query) =>
        query.Split('&', '?').FirstOrDefault(p => p.StartsWith("pageToken=", StringComparison.Ordinal))?["pageToken=".Length..];
}
