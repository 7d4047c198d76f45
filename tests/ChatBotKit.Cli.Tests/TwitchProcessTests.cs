using System.Text.Json.Nodes;
using ChatBotKit.Testing;
using ChatBotKit.Twitch.Tests.EventSub;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Cli.Tests;

/// <summary>
/// <c>streambot run scripts/examples/twitch.csx</c> as a real process over EventSub and Helix,
/// against the fake Twitch API: it validates its token, subscribes on the session's welcome, thanks
/// a follower and a raider, and answers a viewer's <c>!dice</c>, every reply sent through Helix.
/// </summary>
public sealed class TwitchProcessTests : IAsyncLifetime
{
    private const string Token = "process-test-twitch-token";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly string _root = Directory.CreateTempSubdirectory("twitch-process-").FullName;
    private readonly FakeTwitchApi _api = new();

    [Fact]
    public async Task RunTwitchExample_OverEventSubAndHelix_ThanksFollowAndRaid_AndAnswersDice()
    {
        _api.AddToken(Token);
        var environment = new Dictionary<string, string>
        {
            ["TWITCH_CHANNEL"] = "twitch",
            ["TWITCH_NICK"] = FakeTwitchApi.BotLogin,
            ["TWITCH_OAUTH_TOKEN"] = Token,
            ["TWITCH_TRANSPORT"] = "eventsub",
            ["TWITCH_EVENTSUB_URL"] = _api.Endpoints.EventSub.ToString(),
            ["TWITCH_HELIX_URL"] = _api.Endpoints.Helix.ToString(),
            ["TWITCH_OAUTH_URL"] = _api.Endpoints.OAuth.ToString(),
            ["XDG_CONFIG_HOME"] = Path.Combine(_root, "config"),
            ["STREAMBOT_COMPILE_CACHE"] = "off",
        };
        using var process = ChildProcess.StartDotnet(_root, environment, Path.Combine(AppContext.BaseDirectory, "streambot.dll"), "run", Path.Combine(AppContext.BaseDirectory, "scripts", "examples", "twitch.csx"), "--no-watch", "--http", "off");

        var client = await _api.NextClientAsync(Patience);
        await client.SendAsync(EventSubTestData.Frame("eventsub_ws_notification_channel.follow.json").ToJsonString());
        var follow = await _api.NextChatTextAsync(Patience);
        await client.SendAsync(EventSubTestData.Raid("coolraider", 42).ToJsonString());
        var raid = await _api.NextChatTextAsync(Patience);
        await client.SendAsync(DiceInChannelTwitch().ToJsonString());
        var dice = await _api.NextChatTextAsync(Patience);

        follow.Should().Be("Thank you for the follow, Awesome_User! 💜", process.Output);
        raid.Should().Contain("coolraider").And.Contain("42");
        dice.Should().MatchRegex("^🎲 [1-6]$");
        _api.ChatMessages.Should().HaveCount(3).And.OnlyContain(m => m["broadcaster_id"]!.GetValue<string>() == "12826" && m["sender_id"]!.GetValue<string>() == FakeTwitchApi.BotId);
        _api.Subscriptions.Select(s => s.Type).Should().Contain(["channel.chat.message", "channel.chat.notification", "channel.follow"]);
        process.Output.Should().NotContain(Token, "the token never reaches a log");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // IAsyncLifetime: xunit 2 disposes test classes only through it; the process is killed by its own using.
    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private static JsonObject DiceInChannelTwitch()
    {
        var frame = EventSubTestData.ChatMessage("!dice", chatter: "bob");
        var evt = frame["payload"]!["event"]!;
        evt["broadcaster_user_id"] = "12826";
        evt["broadcaster_user_login"] = "twitch";
        evt["broadcaster_user_name"] = "twitch";
        return frame;
    }
}
