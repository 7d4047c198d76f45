using System.Text.Json.Nodes;
using ChatBotKit.Sources;
using ChatBotKit.Testing;
using ChatBotKit.VTubeStudio.Tests.Server;

namespace ChatBotKit.VTubeStudio.Tests;

public sealed class VTubeStudioClientConnectionTests : VTubeStudioTestBase
{
    [Fact]
    public async Task Reconnect_AfterVTubeStudioCloses_AuthenticatesAndSubscribesAgain()
    {
        KeepValidToken();
        var client = NewClient();
        await client.SubscribeAsync("ModelLoadedEvent");
        await client.StartAsync();
        (await Vts.WaitForAsync("EventSubscriptionRequest")).Data["eventName"]!.GetValue<string>().Should().Be("ModelLoadedEvent");

        await Vts.DropAllAsync();

        var again = await Vts.WaitForAsync("EventSubscriptionRequest", 2);
        again.Data["eventName"]!.GetValue<string>().Should().Be("ModelLoadedEvent");
        again.Data["subscribe"]!.GetValue<bool>().Should().BeTrue();
        RequestTypes().Should().Equal("AuthenticationRequest", "EventSubscriptionRequest", "AuthenticationRequest", "EventSubscriptionRequest");
        Vts.ConnectionCount.Should().Be(2);
    }

    [Fact]
    public async Task ReadEvents_MalformedFrameBeforeAnEvent_SkipsItAndDeliversTheEvent()
    {
        KeepValidToken();
        var client = NewClient();
        await client.SubscribeAsync("TestEvent", new JsonObject { ["testMessageForEvent"] = "hi" });
        await client.StartAsync();
        await Vts.WaitForAsync("EventSubscriptionRequest");
        var events = client.ReadEventsAsync().GetAsyncEnumerator();
        var next = events.MoveNextAsync();

        await Vts.SendRawToAllAsync("{\"messageType\": oops");
        await Vts.SendRawToAllAsync("[1, 2, 3]");
        await Vts.SendToAllAsync(FakeVTubeStudio.Recorded("TestEvent"));

        (await next.AsTask().WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue();
        events.Current.Name.Should().Be("TestEvent");
        events.Current.Data.GetProperty("counter").GetInt32().Should().Be(672);
        client.State.Should().Be(ConnectionState.Connected, "bad frames never end the connection");
        await events.DisposeAsync();
    }

    [Fact]
    public async Task Request_VTubeStudioClosesBeforeAnswering_FailsThatRequestClearly()
    {
        KeepValidToken();
        var client = NewClient();
        Vts.AnswerNext("HotkeysInCurrentModelRequest", _ => null);
        await client.StartAsync();

        var pending = client.GetHotkeysAsync();
        await Vts.WaitForAsync("HotkeysInCurrentModelRequest");
        await Vts.DropAllAsync();

        (await pending.Invoking(p => p).Should().ThrowAsync<VTubeStudioException>())
            .WithMessage("*closed the connection before answering HotkeysInCurrentModelRequest*");
        (await client.GetHotkeysAsync()).Should().HaveCount(5, "the client reconnects and the next request works");
    }

    [Fact]
    public async Task Request_VTubeStudioNotRunning_FailsSayingSoAndConnectsOnceItStarts()
    {
        var port = LoopbackPort.GetFree();
        var client = NewClient(Options with { Endpoint = new Uri($"ws://127.0.0.1:{port}/"), RequestTimeout = TimeSpan.FromMilliseconds(300) });
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.StateChanged += (_, change) =>
        {
            if (change.Current == ConnectionState.Connected)
            {
                connected.TrySetResult();
            }
        };
        await client.StartAsync();

        (await client.Invoking(c => c.GetCurrentModelAsync()).Should().ThrowAsync<VTubeStudioException>())
            .WithMessage("*is not connected*CurrentModelRequest was not sent*");
        client.State.Should().BeOneOf(ConnectionState.Connecting, ConnectionState.Reconnecting);

        await using var late = new FakeVTubeStudio(port: port);
        var options = Options with { Endpoint = late.Endpoint };
        new VTubeStudioTokenStore(TokenFile).Save(VTubeStudioTokenStore.KeyFor(options), late.ValidToken);
        await connected.Task.WaitAsync(TimeSpan.FromSeconds(30));
        (await client.GetCurrentModelAsync()).Loaded.Should().BeTrue();
        late.Requests.Select(r => r.MessageType).Should().Equal("AuthenticationRequest", "CurrentModelRequest");
    }

    [Fact]
    public async Task Request_UnknownErrorId_IsReportedWithItsNumberAndMessage()
    {
        KeepValidToken();
        var client = NewClient();
        Vts.AnswerNext("CurrentModelRequest", _ => FakeVTubeStudio.Error(9999, "Something new went wrong."));

        var thrown = await client.Invoking(c => c.GetCurrentModelAsync()).Should().ThrowAsync<VTubeStudioException>();

        thrown.Which.ErrorId.Should().Be((VTubeStudioErrorId)9999);
        thrown.WithMessage("*CurrentModelRequest*error 9999*does not know*Something new went wrong.*");
    }
}
