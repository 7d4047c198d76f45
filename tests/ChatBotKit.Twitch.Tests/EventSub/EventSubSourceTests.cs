using System.Text.Json.Nodes;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Time;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Twitch.Tests.EventSub;

/// <summary>The EventSub + Helix source against the fake Twitch API, on a virtual clock.</summary>
public sealed class EventSubSourceTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _tokenVariable = "CBK_ES_TOKEN_" + Guid.NewGuid().ToString("N");
    private readonly string _refreshVariable = "CBK_ES_REFRESH_" + Guid.NewGuid().ToString("N");
    private readonly string _clientIdVariable = "CBK_ES_CLIENT_" + Guid.NewGuid().ToString("N");
    private readonly VirtualClock _clock = new();
    private readonly ChatBotKit.Tests.Sources.LogCapture _log = new();
    private FakeTwitchApi _api = null!;
    private TwitchEventSubSource? _source;

    public Task InitializeAsync()
    {
        _api = new FakeTwitchApi();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }

        await _api.DisposeAsync();
        Environment.SetEnvironmentVariable(_tokenVariable, null);
        Environment.SetEnvironmentVariable(_refreshVariable, null);
        Environment.SetEnvironmentVariable(_clientIdVariable, null);
    }

    [Fact]
    public async Task ConnectAsync_AfterTheWelcome_SubscribesEveryChatTypeAndReadsChat()
    {
        var source = await ConnectedAsync();
        var client = await _api.NextClientAsync(Patience);

        _api.Subscriptions.Select(s => s.Type).Should().BeEquivalentTo(
            "channel.chat.message", "channel.chat.notification", "channel.chat.message_delete", "channel.chat.clear_user_messages",
            "channel.follow", "channel.channel_points_custom_reward_redemption.add", "stream.online", "stream.offline");
        _api.Subscriptions.Should().OnlyContain(s => s.Session == client.SessionId && s.Broadcaster == "1971641");
        _api.Subscriptions.Single(s => s.Type == "channel.chat.message").Body["condition"]!["user_id"]!.GetValue<string>().Should().Be(FakeTwitchApi.BotId);
        _api.Subscriptions.Single(s => s.Type == "channel.follow").Body["version"]!.GetValue<string>().Should().Be("2");

        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        await client.SendAsync(EventSubTestData.ChatMessage("hello bot").ToJsonString());
        (await NextAsync<MessageReceived>(events)).Text.Should().Be("hello bot");
    }

    [Fact]
    public async Task KeepaliveMissed_ReconnectsAndSubscribesAgain()
    {
        var source = await ConnectedAsync();
        var first = await _api.NextClientAsync(Patience);

        var second = _api.NextClientAsync(Patience);
        await AdvanceUntilAsync(second);

        await first.Closed.WaitAsync(Patience);
        var client = await second;
        await WaitUntilAsync(() => _api.Subscriptions.Count(s => s.Session == client.SessionId) == 8);
        await WaitUntilAsync(() => source.State == ConnectionState.Connected);
        _log.Entries.Should().Contain(e => e.EventId == 758);
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        await client.SendAsync(EventSubTestData.ChatMessage("back").ToJsonString());
        (await NextAsync<MessageReceived>(events)).Text.Should().Be("back");
    }

    [Fact]
    public async Task Keepalives_WithinTheTimeout_KeepTheSession()
    {
        var source = await ConnectedAsync();
        var client = await _api.NextClientAsync(Patience);
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();

        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(EventSubTestData.Frame("eventsub_ws_session_keepalive.json").ToJsonString().Replace("8d8e0935", $"{i}d8e0935", StringComparison.Ordinal));
            await client.SendAsync(EventSubTestData.ChatMessage($"tick {i}").ToJsonString());
            (await NextAsync<MessageReceived>(events)).Text.Should().Be($"tick {i}");
            _clock.Advance(TimeSpan.FromSeconds(9));
        }

        _api.Sessions.Should().Be(1);
    }

    [Fact]
    public async Task SessionReconnect_NewSessionFirst_NoEventLostOrDoubled()
    {
        var source = await ConnectedAsync();
        var old = await _api.NextClientAsync(Patience);
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        await old.SendAsync(EventSubTestData.ChatMessage("before").ToJsonString());
        (await NextAsync<MessageReceived>(events)).Text.Should().Be("before");

        var reconnect = EventSubTestData.Frame("eventsub_ws_session_reconnect.json");
        reconnect["payload"]!["session"]!["reconnect_url"] = $"{_api.Endpoints.EventSub}?from={old.SessionId}";
        await old.SendAsync(reconnect.ToJsonString());
        var next = await _api.NextClientAsync(Patience);
        next.ReconnectedFrom.Should().Be(old.SessionId);

        // Until the new session's welcome the old one keeps delivering; around the switch Twitch may
        // deliver on both sockets, and the same message id arrives once.
        var both = EventSubTestData.ChatMessage("on both").ToJsonString();
        await old.SendAsync(EventSubTestData.ChatMessage("during").ToJsonString());
        await old.SendAsync(both);
        next.ReleaseWelcome();
        await old.Closed.WaitAsync(Patience);
        await next.SendAsync(both);
        await next.SendAsync(EventSubTestData.ChatMessage("after").ToJsonString());

        (await NextAsync<MessageReceived>(events)).Text.Should().Be("during");
        (await NextAsync<MessageReceived>(events)).Text.Should().Be("on both");
        (await NextAsync<MessageReceived>(events)).Text.Should().Be("after");
        _api.Subscriptions.Should().HaveCount(8, "subscriptions carry over to the new session");
        _api.Sessions.Should().Be(2);
        source.State.Should().Be(ConnectionState.Connected);
    }

    [Fact]
    public async Task Revocation_IsANoticeAndTheSessionGoesOn()
    {
        var source = await ConnectedAsync();
        var client = await _api.NextClientAsync(Patience);
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        var revocation = EventSubTestData.Frame("eventsub_ws_revocation.json");
        revocation["payload"]!["subscription"]!["condition"]!["broadcaster_user_id"] = "1971641";

        await client.SendAsync(revocation.ToJsonString());
        await client.SendAsync(EventSubTestData.ChatMessage("still here").ToJsonString());

        var notice = await NextAsync<ChannelNotice>(events);
        notice.Should().BeEquivalentTo(new { NoticeId = "eventsub_revoked", Channel = "streamer" });
        (await NextAsync<MessageReceived>(events)).Text.Should().Be("still here");
        _log.Entries.Should().Contain(e => e.EventId == 756);
    }

    [Fact]
    public async Task BadFrames_AreLoggedAndSkipped_AndTheSessionGoesOn()
    {
        var source = await ConnectedAsync();
        var client = await _api.NextClientAsync(Patience);
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        var unknown = EventSubTestData.ChatMessage("unknown");
        unknown["metadata"]!["subscription_type"] = "channel.unknown";

        await client.SendAsync("{\"metadata\":{\"message_id\":");
        await client.SendAsync("<html>502</html>");
        await client.SendAsync(unknown.ToJsonString());
        await client.SendFragmentedAsync(EventSubTestData.ChatMessage(new string('x', 600 * 1024)).ToJsonString(), 64 * 1024);
        await client.SendFragmentedAsync(EventSubTestData.ChatMessage("fragmented " + new string('y', 100 * 1024)).ToJsonString(), 7000);
        await client.SendAsync(EventSubTestData.ChatMessage("fine").ToJsonString());

        (await NextAsync<MessageReceived>(events)).Text.Should().StartWith("fragmented ").And.HaveLength(11 + (100 * 1024));
        (await NextAsync<MessageReceived>(events)).Text.Should().Be("fine");
        _log.Entries.Where(e => e.EventId == 751).Should().HaveCount(2);
        _log.Entries.Should().Contain(e => e.EventId == 753).And.Contain(e => e.EventId == 754);
        _api.Sessions.Should().Be(1);
    }

    [Fact]
    public async Task Send_Sent_PostsTheMessageAsTheBotWithTheReply()
    {
        var source = await ConnectedAsync();

        var result = await source.SendAsync(new OutgoingMessage { Channel = "#Streamer", Text = "hello\nthere", ReplyToId = "parent-1" });

        result.Should().Be(SendResult.Sent);
        var body = _api.ChatMessages.Should().ContainSingle().Which;
        body["broadcaster_id"]!.GetValue<string>().Should().Be("1971641");
        body["sender_id"]!.GetValue<string>().Should().Be(FakeTwitchApi.BotId);
        body["message"]!.GetValue<string>().Should().Be("hello there");
        body["reply_parent_message_id"]!.GetValue<string>().Should().Be("parent-1");
        source.Statistics.Sent.Should().Be(1);
    }

    [Fact]
    public async Task Send_IsSentFalse_IsDroppedWithTwitchsReason()
    {
        var source = await ConnectedAsync();
        _api.AnswerChat(FakeTwitchApi.Json("helix_send_chat_message_response_dropped.json"));

        var result = await source.SendAsync(new OutgoingMessage { Channel = "streamer", Text = "hello" });

        result.Status.Should().Be(SendStatus.Dropped);
        result.Reason.Should().Be("msg_rejected: Your message is being checked by mods and has not been sent.");
        source.Statistics.Rejected.Should().Be(1);
        source.Statistics.NotSent.Should().Be(1);
        _log.Entries.Should().Contain(e => e.EventId == 711 && e.Message.Contains("msg_rejected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_429_WaitsForRatelimitResetThenSends()
    {
        var source = await ConnectedAsync();
        var reset = _clock.GetUtcNow().AddSeconds(30).ToUnixTimeSeconds();
        _api.AnswerChat(FakeTwitchApi.Json("helix_send_chat_message_response_sent.json", 429, r => r.Headers["Ratelimit-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var sending = source.SendAsync(new OutgoingMessage { Channel = "streamer", Text = "patience" }).AsTask();
        await WaitUntilAsync(() => _api.ChatMessages.Count == 1);
        _clock.Advance(TimeSpan.FromSeconds(29));
        sending.IsCompleted.Should().BeFalse("Twitch said to wait until the reset");
        await AdvanceUntilAsync(sending);

        (await sending).Should().Be(SendResult.Sent);
        _api.ChatMessages.Should().HaveCount(2);
    }

    [Fact]
    public async Task Send_HtmlErrorPage_IsDroppedSayingWhatCame()
    {
        var source = await ConnectedAsync();
        _api.AnswerChat(FakeTwitchApi.Html(502));

        var result = await source.SendAsync(new OutgoingMessage { Channel = "streamer", Text = "hello" });

        result.Reason.Should().Contain("HTTP 502").And.Contain("not JSON").And.Contain("text/html");
        (await source.SendAsync(new OutgoingMessage { Channel = "streamer", Text = "again" })).Should().Be(SendResult.Sent);
    }

    [Fact]
    public async Task ConnectAsync_ExpiredTokenWithRefreshToken_RefreshesAndConnects()
    {
        Environment.SetEnvironmentVariable(_clientIdVariable, FakeTwitchApi.ClientId);
        _api.AddToken("unused", refreshToken: "refresh-1");
        _api.Revoke("unused");
        var source = await ConnectedAsync(token: "expired-token", refreshToken: "refresh-1", addToken: false);

        _api.Refreshes.Should().Be(1);
        _api.Subscriptions.Should().HaveCount(8);
        source.State.Should().Be(ConnectionState.Connected);
    }

    [Fact]
    public async Task Send_401_RefreshesOnceAndSends()
    {
        var source = await ConnectedAsync(refreshToken: "refresh-2");
        _api.Revoke("access-token");

        var result = await source.SendAsync(new OutgoingMessage { Channel = "streamer", Text = "after refresh" });

        result.Should().Be(SendResult.Sent);
        _api.Refreshes.Should().Be(1);
    }

    [Fact]
    public async Task Token_NearExpiry_IsRefreshedBeforeItExpires()
    {
        await ConnectedAsync(refreshToken: "refresh-3", expiresIn: 600);

        await AdvanceUntilAsync(WhenAsync(() => _api.Refreshes == 1));

        _clock.GetUtcNow().Should().BeBefore(new VirtualClock().GetUtcNow().AddSeconds(600));
    }

    [Fact]
    public async Task Token_IsValidatedAtStartAndEveryHour()
    {
        await ConnectedAsync();
        _api.Validations.Should().Be(1);

        _clock.Advance(TimeSpan.FromMinutes(59));
        _api.Validations.Should().Be(1);
        await AdvanceUntilAsync(WhenAsync(() => _api.Validations == 2), step: TimeSpan.FromMinutes(1));
        await AdvanceUntilAsync(WhenAsync(() => _api.Validations == 3), step: TimeSpan.FromMinutes(1));

        _clock.GetUtcNow().Should().BeCloseTo(new VirtualClock().GetUtcNow().AddHours(2), TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task ConnectAsync_RevokedToken_ThrowsSayingHowToFixIt_WithoutTheToken()
    {
        Environment.SetEnvironmentVariable(_tokenVariable, "revoked-secret-token");
        _source = new TwitchEventSubSource(Options(), Context());

        var thrown = await _source.Invoking(s => s.ConnectAsync().AsTask()).Should().ThrowAsync<ChatBotKitException>();

        thrown.Which.Message.Should().Contain("streambot auth twitch").And.NotContain("revoked-secret-token");
        _api.Sessions.Should().Be(0);
        _log.Entries.Should().NotContain(e => e.Message.Contains("revoked-secret-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Token_RevokedWhileRunning_StopsTheSourceWithoutReconnecting()
    {
        var source = await ConnectedAsync(token: "soon-revoked-token");
        await _api.NextClientAsync(Patience);
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        _api.Revoke("soon-revoked-token");

        var ended = events.MoveNextAsync().AsTask();
        await AdvanceUntilAsync(ended, step: TimeSpan.FromMinutes(10));

        (await ended).Should().BeFalse("reading ends when the token is lost");
        source.State.Should().Be(ConnectionState.Disconnected);
        _log.Entries.Should().Contain(e => e.EventId == 742 && e.Message.Contains("streambot auth twitch", StringComparison.Ordinal));
        _log.Entries.Should().NotContain(e => e.Message.Contains("soon-revoked-token", StringComparison.Ordinal));
        _api.Sessions.Should().Be(1, "a lost token is not a reason to reconnect");
    }

    [Fact]
    public async Task ConnectAsync_EveryTypeRefused_SaysSo()
    {
        foreach (var type in new[] { "channel.chat.message", "channel.chat.notification", "channel.chat.message_delete", "channel.chat.clear_user_messages", "channel.follow", "channel.channel_points_custom_reward_redemption.add", "stream.online", "stream.offline" })
        {
            _api.Forbidden[type] = 0;
        }

        Environment.SetEnvironmentVariable(_tokenVariable, "access-token");
        _api.AddToken("access-token");
        _source = new TwitchEventSubSource(Options(), Context());

        (await _source.Invoking(s => s.ConnectAsync().AsTask()).Should().ThrowAsync<ChatBotKitException>()).Which.Message.Should().Contain("scope");
        _log.Entries.Where(e => e.EventId == 757).Should().HaveCount(8);
    }

    [Fact]
    public async Task ConnectAsync_MoreThan300Subscriptions_IsRefusedWithAClearError()
    {
        var channels = Enumerable.Range(0, 40).Select(i => $"channel{i}").ToList();
        foreach (var channel in channels)
        {
            _api.Users[channel] = (5000 + channels.IndexOf(channel)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Environment.SetEnvironmentVariable(_tokenVariable, "access-token");
        _api.AddToken("access-token");
        _source = new TwitchEventSubSource(Options(), Context(channels));

        (await _source.Invoking(s => s.ConnectAsync().AsTask()).Should().ThrowAsync<ChatBotKitException>()).Which.Message.Should().Contain("300");
    }

    private async Task<TwitchEventSubSource> ConnectedAsync(string token = "access-token", string? refreshToken = null, int expiresIn = 14_000, bool addToken = true)
    {
        if (addToken)
        {
            _api.AddToken(token, expiresIn, refreshToken);
        }

        Environment.SetEnvironmentVariable(_tokenVariable, token);
        Environment.SetEnvironmentVariable(_refreshVariable, refreshToken);
        _source = new TwitchEventSubSource(Options(), Context());
        await _source.ConnectAsync();
        return _source;
    }

    private TwitchOptions Options() => new()
    {
        Transport = TwitchTransport.EventSub,
        TokenVariable = _tokenVariable,
        RefreshTokenVariable = _refreshVariable,
        ClientIdVariable = _clientIdVariable,
        Endpoints = _api.Endpoints,
        Send = new TwitchSendLimits { ChannelGap = TimeSpan.Zero },
    };

    private ChatSourceContext Context(IReadOnlyList<string>? channels = null) =>
        new() { Channels = channels ?? ["streamer"], TimeProvider = _clock, LoggerFactory = _log };

    // Moves virtual time on until the task completes; the pause only lets other threads run.
    private async Task AdvanceUntilAsync(Task done, TimeSpan? step = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!done.IsCompleted)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the awaited thing should happen as virtual time passes");
            _clock.Advance(step ?? TimeSpan.FromSeconds(1));
            await Task.WhenAny(done, Task.Delay(10));
        }
    }

    private static async Task WhenAsync(Func<bool> condition) => await WaitUntilAsync(condition);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the condition should become true");
            await Task.Delay(10);
        }
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
}
