using ChatBotKit.Sources;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Twitch.Tests.EventSub;

/// <summary>Sending with the application's token, the way Twitch shows the "Chat Bot" badge; reading stays on the user token.</summary>
public sealed class ChatBotBadgeTests : IAsyncLifetime
{
    private readonly string _tokenVariable = "CBK_BADGE_TOKEN_" + Guid.NewGuid().ToString("N");
    private readonly string _secretVariable = "CBK_BADGE_SECRET_" + Guid.NewGuid().ToString("N");
    private readonly FakeTwitchApi _api = new();
    private TwitchEventSubSource? _source;

    public Task InitializeAsync()
    {
        _api.AddToken("user-token");
        Environment.SetEnvironmentVariable(_tokenVariable, "user-token");
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
        Environment.SetEnvironmentVariable(_secretVariable, null);
    }

    [Fact]
    public async Task SendAsync_WithTheBadge_PostsWithTheAppTokenAsTheBotUser()
    {
        Environment.SetEnvironmentVariable(_secretVariable, FakeTwitchApi.ClientSecret);
        _source = new TwitchEventSubSource(Options(), new ChatSourceContext { Channels = ["streamer"] });
        await _source.ConnectAsync();

        var first = await _source.SendAsync(new OutgoingMessage { Channel = "streamer", Text = "hello" });
        var second = await _source.SendAsync(new OutgoingMessage { Channel = "streamer", Text = "again" });

        first.Should().Be(SendResult.Sent);
        second.Should().Be(SendResult.Sent);
        _api.ChatBearers.Should().Equal("app-token-1", "app-token-1");
        _api.AppTokensIssued.Should().Be(1, "the application token is kept until it nears expiry");
        _api.ChatMessages.Should().OnlyContain(m => m["sender_id"]!.GetValue<string>() == FakeTwitchApi.BotId && m["broadcaster_id"]!.GetValue<string>() == "1971641");
        _api.Subscriptions.Should().HaveCount(8, "EventSub over WebSocket still subscribes with the user token");
    }

    [Fact]
    public async Task ConnectAsync_WithTheBadgeButNoClientSecret_SaysWhatToSet()
    {
        _source = new TwitchEventSubSource(Options(), new ChatSourceContext { Channels = ["streamer"] });

        var thrown = await _source.Invoking(s => s.ConnectAsync().AsTask()).Should().ThrowAsync<ChatBotKitException>();

        thrown.Which.Message.Should().Contain("TWITCH_CLIENT_SECRET").And.Contain("Chat Bot").And.NotContain("user-token");
    }

    [Fact]
    public async Task ConnectAsync_WithTheBadgeAndAWrongSecret_SaysTwitchRefused()
    {
        Environment.SetEnvironmentVariable(_secretVariable, "wrong-secret");
        _source = new TwitchEventSubSource(Options(), new ChatSourceContext { Channels = ["streamer"] });

        var thrown = await _source.Invoking(s => s.ConnectAsync().AsTask()).Should().ThrowAsync<ChatBotKitException>();

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

    private TwitchOptions Options() => new()
    {
        Transport = TwitchTransport.EventSub,
        ChatBotBadge = true,
        TokenVariable = _tokenVariable,
        ClientSecretVariable = _secretVariable,
        Endpoints = _api.Endpoints,
        Send = new TwitchSendLimits { ChannelGap = TimeSpan.Zero },
    };
}
