using ChatBotKit.Sources;
using ChatBotKit.Time;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Twitch.Tests.Connection;

/// <summary>Declaring the source on a bot, validating options, and the JOIN limit on virtual time.</summary>
public sealed class TwitchSetupTests
{
    [Fact]
    public void AddTwitch_Channels_RegistersNormalizedChannelsAndOptions()
    {
        var options = new TwitchOptions { Nick = "kitbot" };
        var builder = new ChatBotBuilder().AddTwitch(["#Alpha", "beta"], options);

        var registration = builder.Sources.Should().ContainSingle().Subject;

        registration.Name.Should().Be("twitch");
        registration.Settings.Should().Be(options);
        registration.Channels.Should().Equal("alpha", "beta");
        registration.Create(new ChatSourceContext()).Should().BeOfType<TwitchChatSource>();
    }

    [Fact]
    public void AddTwitch_EventSubTransport_CreatesTheEventSubSource()
    {
        var builder = new ChatBotBuilder().AddTwitch(["alpha"], new TwitchOptions { Transport = TwitchTransport.EventSub });

        builder.Sources.Should().ContainSingle().Which.Create(new ChatSourceContext()).Should().BeOfType<TwitchEventSubSource>();
    }

    [Theory]
    [InlineData("eventsub", TwitchTransport.EventSub, false)]
    [InlineData("irc+eventsub", TwitchTransport.Irc, true)]
    [InlineData(null, TwitchTransport.Irc, false)]
    public void FromEnvironment_Transport_ChoosesHowToReadAndSend(string? value, TwitchTransport transport, bool beside)
    {
        var environment = new Dictionary<string, string?> { ["TWITCH_TRANSPORT"] = value, ["TWITCH_HELIX_URL"] = "http://127.0.0.1:9/helix/" };

        var options = TwitchOptions.FromEnvironment(environment.GetValueOrDefault);

        options.Transport.Should().Be(transport);
        options.EventSubBesideIrc.Should().Be(beside);
        options.Endpoints.Helix.Should().Be(new Uri("http://127.0.0.1:9/helix/"));
        options.Endpoints.OAuth.Should().Be(new TwitchEndpoints().OAuth);
    }

    [Fact]
    public void Validate_HelixBaseWithoutSlash_NamesTheSetting()
    {
        var act = () => new TwitchOptions { Endpoints = new TwitchEndpoints { Helix = new Uri("https://api.twitch.tv/helix") } }.Validate();

        act.Should().Throw<ArgumentException>().WithMessage("*TwitchOptions.Endpoints.Helix*");
    }

    [Fact]
    public void Credentials_ToString_NamesTheUserNeverTheToken()
    {
        var credentials = new ChatBotKit.Twitch.Helix.TwitchCredentials("oauth:secret-access", "secret-refresh", "client", "secret-client") { Login = "kitbot" };

        credentials.AccessToken.Should().Be("secret-access");
        credentials.ToString().Should().Be("Twitch user kitbot");
        new TwitchOptions().ToString().Should().NotContain("secret");
    }

    [Fact]
    public void FromEnvironment_Variables_GiveNickAndServer()
    {
        var environment = new Dictionary<string, string> { ["TWITCH_NICK"] = "kitbot", ["TWITCH_IRC_SERVER"] = "wss://127.0.0.1:9000" };

        var options = TwitchOptions.FromEnvironment(environment.GetValueOrDefault);

        options.Nick.Should().Be("kitbot");
        options.Server.Should().Be(new Uri("wss://127.0.0.1:9000"));
        TwitchOptions.FromEnvironment(_ => null).Server.Should().Be(TwitchOptions.TwitchServer);
    }

    [Theory]
    [InlineData("http://example.invalid")]
    [InlineData("irc:relative")]
    public void Validate_BadServer_NamesTheSetting(string server)
    {
        var act = () => new TwitchOptions { Server = new Uri(server, UriKind.RelativeOrAbsolute) }.Validate();

        act.Should().Throw<ArgumentException>().WithMessage("*TwitchOptions.Server*");
    }

    [Fact]
    public void Validate_ElevatedBelowOrdinary_Throws()
    {
        var act = () => new TwitchOptions { Send = new TwitchSendLimits { ElevatedMessagesPerWindow = 5 } }.Validate();

        act.Should().Throw<ArgumentException>().WithMessage("*ElevatedMessagesPerWindow*");
    }

    [Fact]
    public async Task ConnectAsync_MoreChannelsThanTheJoinLimit_RestWaitForTheWindow()
    {
        var clock = new VirtualClock();
        await using var server = new FakeTwitchServer(clock) { EnforceLimits = false, SendRoomState = false };
        var channels = Enumerable.Range(1, 25).Select(i => $"room{i}").ToArray();
        await using var source = new TwitchChatSource(TwitchChatSourceConformanceTests.OpenOptions(server.Address) with { PingInterval = TimeSpan.FromHours(1) },
            new ChatSourceContext { Channels = channels, TimeProvider = clock });

        var connecting = source.ConnectAsync().AsTask();
        var first = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            first.Add(await server.NextJoinAsync(TimeSpan.FromSeconds(20)));
        }

        connecting.IsCompleted.Should().BeFalse("five joins wait for the 10 s window");

        // Virtual time moves a second at a time until the rest arrive: the source may start its wait
        // for the window only after the 20th JOIN reached the server, so one early jump could be missed.
        var resting = Task.Run(async () =>
        {
            var joins = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                joins.Add(await server.NextJoinAsync(TimeSpan.FromSeconds(20)));
            }

            return joins;
        });
        var waited = TimeSpan.Zero;
        while (!resting.IsCompleted && waited < TimeSpan.FromSeconds(30))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
            await Task.WhenAny(resting, Task.Delay(50));
        }

        var rest = await resting;
        waited.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(10), "the rest joined only once the 10 s window had passed");
        await connecting.WaitAsync(TimeSpan.FromSeconds(20));
        first.Concat(rest).Should().BeEquivalentTo(channels);
    }
}
