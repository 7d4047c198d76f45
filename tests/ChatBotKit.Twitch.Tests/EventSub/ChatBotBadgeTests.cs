using ChatBotKit.Sources;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Twitch.Tests.EventSub;

/// <summary>Sending with the application's token, the way Twitch shows the "Chat Bot" badge; reading stays on the user token.</summary>
public sealed class ChatBotBadgeTests : IAsyncLifetime
{
    private readonly EventSubTestHost _host = new("user-token");
    private readonly string _secretVariable;

    public ChatBotBadgeTests() => _secretVariable = _host.Variable("SECRET", null);

    private FakeTwitchApi Api => _host.Api;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task SendAsync_WithTheBadge_PostsWithTheAppTokenAsTheBotUser()
    {
        Environment.SetEnvironmentVariable(_secretVariable, FakeTwitchApi.ClientSecret);
        var source = Source();
        await source.ConnectAsync();

        var first = await source.SendAsync(new OutgoingMessage { Channel = "streamer", Text = "hello" });
        var second = await source.SendAsync(new OutgoingMessage { Channel = "streamer", Text = "again" });

        first.Should().Be(SendResult.Sent);
        second.Should().Be(SendResult.Sent);
        Api.ChatBearers.Should().Equal("app-token-1", "app-token-1");
        Api.AppTokensIssued.Should().Be(1, "the application token is kept until it nears expiry");
        Api.ChatMessages.Should().OnlyContain(m => m["sender_id"]!.GetValue<string>() == FakeTwitchApi.BotId && m["broadcaster_id"]!.GetValue<string>() == "1971641");
        Api.Subscriptions.Should().HaveCount(8, "EventSub over WebSocket still subscribes with the user token");
    }

    [Fact]
    public async Task ConnectAsync_WithTheBadgeButNoClientSecret_SaysWhatToSet()
    {
        var thrown = await Source().Invoking(s => s.ConnectAsync().AsTask()).Should().ThrowAsync<ChatBotKitException>();

        thrown.Which.Message.Should().Contain("TWITCH_CLIENT_SECRET").And.Contain("Chat Bot").And.NotContain("user-token");
    }

    [Fact]
    public async Task ConnectAsync_WithTheBadgeAndAWrongSecret_SaysTwitchRefused()
    {
        Environment.SetEnvironmentVariable(_secretVariable, "wrong-secret");
        var thrown = await Source().Invoking(s => s.ConnectAsync().AsTask()).Should().ThrowAsync<ChatBotKitException>();

        thrown.Which.Message.Should().Contain("refused").And.Contain("403").And.NotContain("wrong-secret");
    }

    [Fact]
    public void Options_TheBadgeOverIrc_IsRefusedNamingTheSetting()
    {
        var options = new TwitchOptions { ChatBotBadge = true };

        options.Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage("*ChatBotBadge*EventSub*");
    }

    [Fact]
    public void FromEnvironment_ReadsTheBadgeSwitch()
    {
        var environment = new Dictionary<string, string> { ["TWITCH_TRANSPORT"] = "eventsub", ["TWITCH_CHAT_BOT_BADGE"] = "true" };

        var options = TwitchOptions.FromEnvironment(environment.GetValueOrDefault);

        options.ChatBotBadge.Should().BeTrue();
        options.Invoking(o => o.Validate()).Should().NotThrow();
    }

    private TwitchEventSubSource Source()
    {
        var options = _host.Options() with { ChatBotBadge = true, ClientSecretVariable = _secretVariable, Send = new TwitchSendLimits { ChannelGap = TimeSpan.Zero } };
        var source = new TwitchEventSubSource(options, new ChatSourceContext { Channels = ["streamer"] });
        _host.Source = source;
        return source;
    }
}
