using ChatBotKit.Sources;
using ChatBotKit.Twitch.Tests.Connection;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Twitch.Tests.EventSub;

/// <summary>Channels joined and left on an open EventSub session: subscriptions created and deleted, no new socket.</summary>
public sealed class EventSubMembershipTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly EventSubTestHost _host = new("member-token");

    private FakeTwitchApi Api => _host.Api;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task JoinAsync_WhileConnected_SubscribesTheChannelOnTheOpenSession()
    {
        var source = await ConnectedAsync();
        var client = await Api.NextClientAsync(Patience);

        await source.JoinAsync("#Twitch");
        await source.JoinAsync("twitch");

        Api.Subscriptions.Where(s => s.Broadcaster == "12826").Should().HaveCount(8).And.OnlyContain(s => s.Session == client.SessionId);
        Api.Subscriptions.Should().HaveCount(16);
        Api.Sessions.Should().Be(1, "joining does not open another socket");
        source.Channels.Should().BeEquivalentTo("streamer", "twitch");
    }

    [Fact]
    public async Task LeaveAsync_DeletesTheChannelsSubscriptions()
    {
        var source = await ConnectedAsync();
        await Api.NextClientAsync(Patience);

        await source.LeaveAsync("streamer");
        await source.LeaveAsync("streamer");

        Api.Deleted.Should().BeEquivalentTo(Api.Subscriptions.Select(s => s.Id));
        Api.Sessions.Should().Be(1);
        source.Channels.Should().BeEmpty();
    }

    [Fact]
    public async Task JoinAsync_AChannelTwitchDoesNotKnow_ThrowsAndIsNotJoined()
    {
        var source = await ConnectedAsync();

        (await source.Invoking(s => s.JoinAsync("nosuchchannel").AsTask()).Should().ThrowAsync<ChatBotKitException>()).Which.Message.Should().Contain("nosuchchannel");

        source.Channels.Should().BeEquivalentTo("streamer");
        Api.Subscriptions.Should().HaveCount(8);
    }

    [Fact]
    public async Task JoinAsync_AfterASessionReconnect_SubscribesOnTheNewSession()
    {
        var source = await ConnectedAsync();
        var old = await Api.NextClientAsync(Patience);
        var reconnect = EventSubTestData.Frame("eventsub_ws_session_reconnect.json");
        reconnect["payload"]!["session"]!["reconnect_url"] = $"{Api.Endpoints.EventSub}?from={old.SessionId}";
        await old.SendAsync(reconnect.ToJsonString());
        var next = await Api.NextClientAsync(Patience);
        next.ReleaseWelcome();
        await old.Closed.WaitAsync(Patience);

        await source.JoinAsync("twitch");

        Api.Subscriptions.Where(s => s.Broadcaster == "12826").Should().HaveCount(8).And.OnlyContain(s => s.Session == next.SessionId);
    }

    [Fact]
    public async Task JoinAsync_BesideIrc_JoinsOverIrcAndSubscribesOverEventSub()
    {
        await using var irc = new FakeTwitchServer { EnforceLimits = false };
        var options = TwitchChatSourceConformanceTests.OpenOptions(irc.Address) with { EventSubBesideIrc = true, Endpoints = Api.Endpoints, TokenVariable = _host.TokenVariable };
        var source = new TwitchChatSource(options, new ChatSourceContext { Channels = ["streamer"] });
        _host.Source = source;
        await source.ConnectAsync();
        (await irc.NextJoinAsync(Patience)).Should().Be("streamer");

        await source.JoinAsync("twitch");
        await source.LeaveAsync("streamer");

        (await irc.NextJoinAsync(Patience)).Should().Be("twitch");
        Api.Subscriptions.Where(s => s.Broadcaster == "12826").Select(s => s.Type).Should().BeEquivalentTo("channel.follow", "channel.channel_points_custom_reward_redemption.add", "stream.online", "stream.offline");
        Api.Deleted.Should().BeEquivalentTo(Api.Subscriptions.Where(s => s.Broadcaster == "1971641").Select(s => s.Id));
        await source.DisposeAsync();
    }

    private async Task<TwitchEventSubSource> ConnectedAsync()
    {
        var source = new TwitchEventSubSource(_host.Options(), new ChatSourceContext { Channels = ["streamer"] });
        _host.Source = source;
        await source.ConnectAsync();
        return source;
    }
}
