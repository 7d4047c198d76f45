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
}
