using ChatBotKit.Events;
using ChatBotKit.Scripting;
using ChatBotKit.Sources;
using ChatBotKit.YouTube.Tests.Parsing;
using ChatBotKit.YouTube.Tests.Servers;

namespace ChatBotKit.YouTube.Tests.Connection;

public sealed class YouTubeSetupTests
{
    [Fact]
    public void AddYouTube_Target_RegistersOneReadOnlySourceWithTheOptions()
    {
        var options = new YouTubeOptions { Endpoint = new Uri("http://127.0.0.1:9") };

        var registration = new ChatBotBuilder().AddYouTube("@somechannel", options).Sources.Should().ContainSingle().Subject;

        registration.Name.Should().Be("youtube");
        registration.Channels.Should().Equal("@somechannel");
        registration.Settings.Should().Be(options);
    }

    [Fact]
    public void AddYouTube_MistypedTargetOrBadOption_FailsAtDeclaration()
    {
        FluentActions.Invoking(() => new ChatBotBuilder().AddYouTube("not a video")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new ChatBotBuilder().AddYouTube("dQw4w9WgXcQ", new YouTubeOptions { MaxPollInterval = TimeSpan.Zero }))
            .Should().Throw<ArgumentException>().WithMessage("*MinPollInterval*");
    }

    [Fact]
    public async Task YouTubeExample_AgainstFakeYouTube_ReadsTheChatFromTheEnvironment()
    {
        await using var server = await FakeYouTube.StartAsync();
        server.Answer(LiveChatJson.Page("c2", 1000, LiveChatJson.TextItem("m1", "bob", "!dice")));
        var environment = new Dictionary<string, string>
        {
            ["YOUTUBE_VIDEO"] = FakeYouTube.VideoId,
            ["YOUTUBE_ENDPOINT"] = server.Endpoint.ToString(),
        };
        var host = new ScriptHost(new ScriptCompiler(), new ScriptHostOptions { Environment = name => environment.GetValueOrDefault(name) });

        using var generation = await host.LoadAsync(Path.Combine(AppContext.BaseDirectory, "scripts", "youtube.csx"));

        var registration = generation.Definition.Sources.Should().ContainSingle().Subject;
        registration.Settings.Should().BeOfType<YouTubeOptions>().Which.Endpoint.Should().Be(server.Endpoint);
        await using var source = registration.Create(new ChatSourceContext { Channels = registration.Channels });
        await source.ConnectAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        (await events.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue();
        events.Current.Should().BeOfType<MessageReceived>().Which.Text.Should().Be("!dice");
    }

    [Fact]
    public void FromEnvironment_EveryVariable_SetsItsOption()
    {
        var environment = new Dictionary<string, string>
        {
            ["YOUTUBE_ENDPOINT"] = "http://127.0.0.1:1",
            ["YOUTUBE_API_ENDPOINT"] = "http://127.0.0.1:2/youtube/v3",
            ["YOUTUBE_TOKEN_ENDPOINT"] = "http://127.0.0.1:3/token",
            ["YOUTUBE_API_KEY"] = "key",
            ["YOUTUBE_ACCESS_TOKEN"] = "access",
            ["YOUTUBE_REFRESH_TOKEN"] = "refresh",
            ["YOUTUBE_CLIENT_ID"] = "client",
            ["YOUTUBE_CLIENT_SECRET"] = "secret",
        };

        var options = YouTubeOptions.FromEnvironment(name => environment.GetValueOrDefault(name));

        options.Should().Be(new YouTubeOptions
        {
            Endpoint = new Uri("http://127.0.0.1:1"),
            ApiEndpoint = new Uri("http://127.0.0.1:2/youtube/v3"),
            TokenEndpoint = new Uri("http://127.0.0.1:3/token"),
            ApiKey = "key",
            AccessToken = "access",
            RefreshToken = "refresh",
            ClientId = "client",
            ClientSecret = "secret",
        });
        options.CanPost.Should().BeTrue();
        YouTubeOptions.FromEnvironment(_ => null).Should().Match<YouTubeOptions>(o => !o.UsesDataApi && o.ApiEndpoint == new Uri("https://www.googleapis.com/youtube/v3"));
    }

    [Fact]
    public void Validate_RefreshTokenWithoutClient_FailsNamingTheVariables()
    {
        FluentActions.Invoking(() => new YouTubeOptions { RefreshToken = "refresh", ClientId = "client" }.Validate())
            .Should().Throw<ArgumentException>().WithMessage("*RefreshToken needs ClientId and ClientSecret*YOUTUBE_CLIENT_SECRET*");
        FluentActions.Invoking(() => YouTubeOptions.FromEnvironment(name => name == "YOUTUBE_API_ENDPOINT" ? "not a url" : null))
            .Should().Throw<ArgumentException>().WithMessage("YOUTUBE_API_ENDPOINT must be an absolute*");
    }

    [Fact]
    public async Task YouTubeExample_WithAnAccessToken_ReadsThroughTheDataApiAndPosts()
    {
        var clock = new WatchedClock();
        await using var api = await FakeDataApi.StartAsync(clock);
        api.Answer(DataApi.DataApiJson.Page("p2", 5000, DataApi.DataApiJson.Text("m1", "bob", "!dice")));
        var environment = new Dictionary<string, string>
        {
            ["YOUTUBE_VIDEO"] = FakeYouTube.VideoId,
            ["YOUTUBE_API_ENDPOINT"] = api.ApiEndpoint.ToString(),
            ["YOUTUBE_ACCESS_TOKEN"] = FakeDataApi.GivenAccessToken,
        };
        var host = new ScriptHost(new ScriptCompiler(), new ScriptHostOptions { Environment = name => environment.GetValueOrDefault(name) });

        using var generation = await host.LoadAsync(Path.Combine(AppContext.BaseDirectory, "scripts", "youtube.csx"));

        var registration = generation.Definition.Sources.Should().ContainSingle().Subject;
        await using var source = registration.Create(new ChatSourceContext { Channels = registration.Channels, TimeProvider = clock });
        await source.ConnectAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        (await events.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue();
        events.Current.Should().BeOfType<MessageReceived>().Which.Text.Should().Be("!dice");
        (await source.SendAsync(new OutgoingMessage { Channel = FakeYouTube.VideoId, Text = "🎲 5" })).Should().Be(SendResult.Sent);
        api.Inserted.Should().Equal("🎲 5");
    }
}
