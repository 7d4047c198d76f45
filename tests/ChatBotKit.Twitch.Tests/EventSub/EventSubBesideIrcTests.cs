using System.Text.Json.Nodes;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Twitch.Tests.Connection;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Twitch.Tests.EventSub;

/// <summary>The IRC source with EventSub beside it for what IRC does not carry.</summary>
public sealed class EventSubBesideIrcTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly FakeTwitchServer _irc = new() { EnforceLimits = false };
    private readonly FakeTwitchApi _api = new();
    private TwitchChatSource? _source;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }

        await _api.DisposeAsync();
        await _irc.DisposeAsync();
    }

    [Fact]
    public async Task EventSubBesideIrc_SubscribesOnlyWhatIrcLacks_AndItsEventsArriveOnTheSameStream()
    {
        _api.AddToken("test-token");
        var options = TwitchChatSourceConformanceTests.OpenOptions(_irc.Address) with { EventSubBesideIrc = true, Endpoints = _api.Endpoints };
        _source = new TwitchChatSource(options, new ChatSourceContext { Channels = ["twitch"] });

        await _source.ConnectAsync();
        var client = await _api.NextClientAsync(Patience);
        await using var events = _source.ReadEventsAsync().GetAsyncEnumerator();
        await client.SendAsync(EventSubTestData.Frame("eventsub_ws_notification_channel.follow.json").ToJsonString());
        await _irc.PushAsync("@badges=;display-name=Alice;id=m1;user-id=91;tmi-sent-ts=1700000000000 :alice!alice@alice.tmi.twitch.tv PRIVMSG #twitch :over irc");

        var seen = new List<ChatEvent>();
        while (seen.Count < 2)
        {
            (await events.MoveNextAsync().AsTask().WaitAsync(Patience)).Should().BeTrue();
            if (events.Current is UserFollowed or MessageReceived)
            {
                seen.Add(events.Current);
            }
        }

        seen.OfType<UserFollowed>().Should().ContainSingle().Which.User.Login.Should().Be("awesome_user");
        seen.OfType<MessageReceived>().Should().ContainSingle().Which.Text.Should().Be("over irc");
        _api.Subscriptions.Select(s => s.Type).Should().BeEquivalentTo("channel.follow", "channel.channel_points_custom_reward_redemption.add", "stream.online", "stream.offline");
        _api.ChatMessages.Should().BeEmpty();
    }
}
