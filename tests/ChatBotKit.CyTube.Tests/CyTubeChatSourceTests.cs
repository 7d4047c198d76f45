using ChatBotKit.Events;
using ChatBotKit.Nats;
using ChatBotKit.Nats.Tests.Fixtures;
using ChatBotKit.Sources;
using ChatBotKit.Tests.Sources;
using NATS.Client.Core;

namespace ChatBotKit.CyTube.Tests;

public sealed class CyTubeChatSourceTests(KrytenFixture fixture) : ChatSourceConformanceTests<CyTubeChatSource>, IClassFixture<KrytenFixture>
{
    protected override string Channel { get; } = "Room" + Guid.NewGuid().ToString("N")[..8];

    private FakeKryten Kryten => fixture.Kryten;

    protected override CyTubeChatSource CreateSource() => new(Options(), [Channel]);

    protected override Task PushMessageAsync(string user, string text) =>
        Kryten.PublishEventAsync(Channel, "chatMsg", $$"""{"username":"{{user}}","msg":"{{text}}","meta":{},"time":1700000000000}""");

    protected override async Task<string> ReadSentTextAsync() => (await Kryten.NextCommandAsync(Channel)).GetProperty("args").GetProperty("message").GetString()!;

    [Fact]
    public async Task SendAsync_RobotCommand_CarriesCorrelationIdHeaderAndMeta()
    {
        await using var source = new CyTubeChatSource(Options(), [Channel]);
        await source.ConnectAsync();

        await source.SendAsync(new OutgoingMessage { Channel = Channel, Text = "hi", CorrelationId = new CorrelationId(0xabc) });

        var command = await Kryten.NextCommandAsync(Channel);
        command.GetProperty("command").GetString().Should().Be("say");
        command.GetProperty("meta").GetProperty("request_id").GetString().Should().Be("0000000000000abc");
        Kryten.CorrelationHeaders[Channel].Should().Be("0000000000000abc");
        source.SendFailures.Should().Be(0);
    }

    [Fact]
    public async Task SendAsync_TooLong_CutToCyTubeLimit()
    {
        await using var source = new CyTubeChatSource(Options() with { MaxMessageLength = 10 }, [Channel]);
        await source.ConnectAsync();

        await source.SendAsync(new OutgoingMessage { Channel = Channel, Text = new string('x', 50) });

        (await ReadSentTextAsync()).Should().Be(new string('x', 10));
        source.Limits.MaxMessageLength.Should().Be(10);
    }

    [Fact]
    public async Task SendAsync_RobotRefuses_LoggedAndCountedNotThrown()
    {
        await using var server = await NatsServer.StartAsync();
        await using var refusing = await FakeKryten.StartAsync(server.Url, succeed: false);
        await using var source = new CyTubeChatSource(Options() with { Nats = new() { Servers = [server.Url] } }, [Channel]);
        await source.ConnectAsync();

        await source.SendAsync(new OutgoingMessage { Channel = Channel, Text = "hi" });

        source.SendFailures.Should().Be(1);
    }

    [Fact]
    public async Task SendAsync_NoRobot_CountedAsFailure()
    {
        await using var server = await NatsServer.StartAsync();
        await using var source = new CyTubeChatSource(Options() with { Nats = new() { Servers = [server.Url] } }, [Channel]);
        await source.ConnectAsync();

        await source.SendAsync(new OutgoingMessage { Channel = Channel, Text = "hi" });

        source.SendFailures.Should().Be(1);
    }

    [Fact]
    public async Task JoinAsync_WhileConnected_ReceivesNewChannelWithoutReconnect()
    {
        await using var source = new CyTubeChatSource(Options(), [Channel]);
        await source.ConnectAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        var reconnects = 0;
        ((NatsConnection)source.Connection!).ConnectionDisconnected += (_, _) =>
        {
            Interlocked.Increment(ref reconnects);
            return ValueTask.CompletedTask;
        };
        var other = Channel + "b";

        await source.JoinAsync(other);
        await Kryten.PublishEventAsync(other, "chatMsg", """{"username":"zoe","msg":"over here","time":1}""");

        var message = await NextMessageAsync(events);
        message.Channel.Should().Be(other);
        source.Channels.Should().BeEquivalentTo([Channel, other]);
        Volatile.Read(ref reconnects).Should().Be(0);
        await source.LeaveAsync(other);
        source.Channels.Should().Equal(Channel);
    }

    [Fact]
    public async Task ReadEventsAsync_ShadowAndMedia_ShadowSkippedMediaDelivered()
    {
        await using var source = new CyTubeChatSource(Options(), [Channel]);
        await source.ConnectAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();

        await Kryten.PublishEventAsync(Channel, "chatMsg", KrytenEventMapperTests.Payload("chatmsg_shadow"));
        await Kryten.PublishEventAsync(Channel, "changeMedia", KrytenEventMapperTests.Payload("changeMedia"));

        (await events.MoveNextAsync()).Should().BeTrue();
        events.Current.Should().BeOfType<MediaChanged>().Which.Title.Should().Be("Test Video");
    }

    private CyTubeOptions Options() => new() { Nats = new() { Servers = [fixture.Server.Url] }, Domain = "cytu.be", CommandTimeout = TimeSpan.FromSeconds(10) };
}
