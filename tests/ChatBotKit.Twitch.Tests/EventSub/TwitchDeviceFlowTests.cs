using ChatBotKit.Sources;
using ChatBotKit.Time;
using ChatBotKit.Twitch.Auth;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Twitch.Tests.EventSub;

/// <summary>The device code flow and the token file, against the fake Twitch OAuth, on a virtual clock.</summary>
public sealed class TwitchDeviceFlowTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly VirtualClock _clock = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cbk-twitch-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new();
    private FakeTwitchApi _api = null!;

    public Task InitializeAsync()
    {
        _api = new FakeTwitchApi();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task DeviceFlow_FromStartToStoredTokens_PollsUntilApproved()
    {
        var flow = new TwitchDeviceFlow(_http, _api.Endpoints, _clock);
        _api.DeviceAnswers.Enqueue("authorization_pending");
        _api.DeviceAnswers.Enqueue("slow_down");

        var code = await flow.StartAsync(FakeTwitchApi.ClientId, ["user:read:chat", "user:write:chat"]);
        code.UserCode.Should().Be("ABCDEFGH");
        code.ToString().Should().Be("Open https://www.twitch.tv/activate?public=true&device-code=ABCDEFGH and enter ABCDEFGH");
        var waiting = flow.WaitForApprovalAsync(code);
        await AdvanceUntilAsync(waiting);
        var tokens = await waiting;
        var store = new TwitchTokenStore(Path.Combine(_folder, "twitch-tokens.json"));
        store.Save(tokens);

        tokens.Should().Be(tokens with { AccessToken = "device-access", RefreshToken = "device-refresh", ClientId = FakeTwitchApi.ClientId });
        tokens.Scopes.Should().Equal("user:read:chat", "user:write:chat");
        tokens.ToString().Should().NotContain("device-access").And.NotContain("device-refresh");
        _api.DevicePolls.Should().Be(3);
        _clock.GetUtcNow().Should().BeOnOrAfter(new VirtualClock().GetUtcNow().AddSeconds(5 + 5 + 10), "it waits the interval, and 5 s more after slow_down");
        store.Load().Should().BeEquivalentTo(tokens);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(store.FilePath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task DeviceFlow_Declined_ThrowsWithTwitchsAnswer()
    {
        var flow = new TwitchDeviceFlow(_http, _api.Endpoints, _clock);
        _api.DeviceAnswers.Enqueue("authorization_declined");
        var code = await flow.StartAsync(FakeTwitchApi.ClientId, ["user:read:chat"]);

        var waiting = flow.WaitForApprovalAsync(code);
        await AdvanceUntilAsync(waiting);

        (await waiting.Invoking(w => w).Should().ThrowAsync<ChatBotKitException>()).Which.Message.Should().Contain("authorization_declined");
    }

    [Fact]
    public async Task DeviceFlow_UnknownClient_ThrowsSayingWhatToCheck()
    {
        var flow = new TwitchDeviceFlow(_http, _api.Endpoints, _clock);

        (await flow.Invoking(f => f.StartAsync("unknown-client", ["user:read:chat"])).Should().ThrowAsync<ChatBotKitException>())
            .Which.Message.Should().Contain("client id");
    }

    [Fact]
    public async Task EventSubSource_WithoutTokenVariable_UsesTheTokenFileAndKeepsTheRefreshedTokens()
    {
        var store = new TwitchTokenStore(Path.Combine(_folder, "twitch-tokens.json"));
        store.Save(new TwitchTokens("stale-access", "file-refresh", FakeTwitchApi.ClientId, ["user:read:chat"]));
        _api.AddToken("placeholder", refreshToken: "file-refresh");
        _api.Revoke("placeholder");
        var options = new TwitchOptions
        {
            Transport = TwitchTransport.EventSub,
            TokenVariable = "CBK_TWITCH_UNSET_" + Guid.NewGuid().ToString("N"),
            TokenFile = store.FilePath,
            Endpoints = _api.Endpoints,
        };
        await using var source = new TwitchEventSubSource(options, new ChatSourceContext { Channels = ["streamer"], TimeProvider = _clock });

        await source.ConnectAsync();

        _api.Refreshes.Should().Be(1);
        store.Load()!.Should().BeEquivalentTo(new TwitchTokens("refreshed-access-1", "refreshed-refresh-1", FakeTwitchApi.ClientId, ["user:read:chat"]));
        await _api.NextClientAsync(Patience);
    }

    private async Task AdvanceUntilAsync(Task done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!done.IsCompleted)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the flow should finish as virtual time passes");
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(done, Task.Delay(10));
        }
    }
}
