using ChatBotKit.Engine;
using ChatBotKit.Scripting;
using ChatBotKit.Sources;
using ChatBotKit.Twitch.Tests.EventSub;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Twitch.Tests.Connection;

/// <summary>scripts/examples/twitch.csx compiled and run end to end against the fake Twitch server.</summary>
public sealed class TwitchExampleScriptTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwitchExample_AgainstFakeServer_AnswersDiceAndMentionsInThread()
    {
        Environment.SetEnvironmentVariable("TWITCH_OAUTH_TOKEN", "example-token");
        await using var server = new FakeTwitchServer { SendRoomState = false, Tolerance = TimeSpan.FromMilliseconds(250) };
        var environment = new Dictionary<string, string>
        {
            ["TWITCH_CHANNEL"] = "examplechan",
            ["TWITCH_NICK"] = "kitbot",
            ["TWITCH_IRC_SERVER"] = server.Address.ToString(),
        };
        var host = new ScriptHost(new ScriptCompiler(), new ScriptHostOptions { Environment = name => environment.GetValueOrDefault(name) });
        using var generation = await host.LoadAsync(Path.Combine(AppContext.BaseDirectory, "scripts", "twitch.csx"));
        var registration = generation.Definition.Sources.Should().ContainSingle().Subject;
        registration.Settings.Should().BeOfType<TwitchOptions>().Which.Server.Should().Be(server.Address);
        await using var source = registration.Create(new ChatSourceContext { Channels = registration.Channels });
        var engine = new ChatBotEngine(generation.Definition, new ChatBotEngineOptions { RandomSeed = 1 });
        using var stop = new CancellationTokenSource();
        var run = new ChatSourceRunner(engine).RunAsync([source], stop.Token);

        (await server.NextJoinAsync(Patience)).Should().Be("examplechan");
        await server.PushAsync("@badges=;display-name=Bob;id=m1;user-id=7;tmi-sent-ts=1700000000000 :bob!bob@bob.tmi.twitch.tv PRIVMSG #examplechan :!dice");
        var dice = await server.NextReceivedAsync(Patience);
        await server.PushAsync("@badges=;display-name=Al;id=m2;user-id=8;tmi-sent-ts=1700000001000 :al!al@al.tmi.twitch.tv PRIVMSG #examplechan :hey @kitbot how are you?");
        var answer = await server.NextReceivedAsync(Patience);

        dice.Text.Should().MatchRegex("🎲 [1-6]");
        dice.Channel.Should().Be("examplechan");
        answer.Text.Should().NotBeNullOrWhiteSpace();
        answer.ReplyTo.Should().Be("m2", "mentions are answered in the viewer's thread");
        server.Violations.Should().Be(0);
        await stop.CancelAsync();
        await run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
    }

    [Fact]
    public async Task TwitchExample_OverEventSubAndHelix_ThanksForFollowsAndRaids()
    {
        Environment.SetEnvironmentVariable("TWITCH_OAUTH_TOKEN", "example-token");
        await using var api = new FakeTwitchApi();
        api.AddToken("example-token");
        var environment = new Dictionary<string, string>
        {
            ["TWITCH_CHANNEL"] = "twitch",
            ["TWITCH_NICK"] = "kitbot",
            ["TWITCH_TRANSPORT"] = "eventsub",
            ["TWITCH_EVENTSUB_URL"] = api.Endpoints.EventSub.ToString(),
            ["TWITCH_HELIX_URL"] = api.Endpoints.Helix.ToString(),
            ["TWITCH_OAUTH_URL"] = api.Endpoints.OAuth.ToString(),
        };
        var host = new ScriptHost(new ScriptCompiler(), new ScriptHostOptions { Environment = name => environment.GetValueOrDefault(name) });
        using var generation = await host.LoadAsync(Path.Combine(AppContext.BaseDirectory, "scripts", "twitch.csx"));
        var registration = generation.Definition.Sources.Should().ContainSingle().Subject;
        await using var source = registration.Create(new ChatSourceContext { Channels = registration.Channels });
        source.Should().BeOfType<TwitchEventSubSource>();
        var engine = new ChatBotEngine(generation.Definition, new ChatBotEngineOptions { RandomSeed = 1 });
        using var stop = new CancellationTokenSource();
        var run = new ChatSourceRunner(engine).RunAsync([source], stop.Token);

        var client = await api.NextClientAsync(Patience);
        await client.SendAsync(EventSubTestData.Frame("eventsub_ws_notification_channel.follow.json").ToJsonString());
        var follow = await api.NextChatTextAsync(Patience);
        await client.SendAsync(EventSubTestData.Raid("coolraider", 42).ToJsonString());
        var raid = await api.NextChatTextAsync(Patience);

        follow.Should().Be("Thank you for the follow, Awesome_User! 💜");
        raid.Should().Contain("coolraider").And.Contain("42");
        api.ChatMessages.Should().OnlyContain(m => m["broadcaster_id"]!.GetValue<string>() == "12826");
        await stop.CancelAsync();
        await run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
    }
}
