using ChatBotKit.AI.Errors;
using ChatBotKit.AI.Switching;
using ChatBotKit.AI.Tests.Server;
using ChatBotKit.Time;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Tests.Switching;

/// <summary>The mode switch against two fake OpenAI-compatible servers ("api" and "local") and the offline responder, on virtual time.</summary>
public sealed class ModeSwitchingChatClientTests : ServerTestBase, IAsyncLifetime
{
    private static readonly ChatMessage[] Hi = [new(ChatRole.User, "hi") { AuthorName = "alice" }];
    private readonly VirtualClock _clock = new();
    private readonly List<LlmModeChanged> _changes = [];
    private FakeOpenAIServer _local = null!;

    [Fact]
    public async Task GetResponseAsync_ApiFails_LocalAnswersAndTheApiRests()
    {
        Server.Inject(Fault.ServerError);
        using var modes = Modes();

        var first = await modes.GetResponseAsync(Hi);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var second = await modes.GetResponseAsync(Hi);

        first.Text.Should().Be("local here");
        second.Text.Should().Be("local here");
        Server.Requests.Should().HaveCount(1, "the api rests after failing");
        modes.CurrentMode.Should().Be("local");
        _changes.Should().Equal(new LlmModeChanged("api", "local", "failover"));
    }

    [Fact]
    public async Task GetResponseAsync_ApiRecovers_TheBotReturnsToItAfterTheRest()
    {
        Server.Inject(Fault.Unauthorized);
        using var modes = Modes();
        await modes.GetResponseAsync(Hi);

        _clock.Advance(TimeSpan.FromSeconds(31));
        var back = await modes.GetResponseAsync(Hi);

        back.Text.Should().Be(Server.Reply);
        _changes.Select(c => c.Reason).Should().Equal("failover", "recovered");
        _changes[^1].Should().Be(new LlmModeChanged("local", "api", "recovered"));
    }

    [Fact]
    public async Task GetResponseAsync_EveryServerDown_OfflineTemplatesAnswer()
    {
        Server.Inject(Fault.ServerError);
        _local.Inject(Fault.HtmlPage);
        using var modes = Modes();

        var response = await modes.GetResponseAsync(Hi);

        response.Text.Should().Contain("offline");
        modes.CurrentMode.Should().Be("offline");
    }

    [Fact]
    public async Task Use_Local_TheApiIsNotAskedButOfflineStillCatchesFailures()
    {
        using var modes = Modes();

        modes.Use("LOCAL");
        var chosen = await modes.GetResponseAsync(Hi);
        _local.Inject(Fault.ServerError);
        var fallback = await modes.GetResponseAsync(Hi);

        chosen.Text.Should().Be("local here");
        fallback.Text.Should().Contain("offline");
        Server.Requests.Should().BeEmpty();
        modes.ChosenMode.Should().Be("local");
        _changes[0].Should().Be(new LlmModeChanged("api", "local", "manual"));
    }

    [Fact]
    public async Task UseAutomatic_AfterChoosingOffline_TheApiAnswersAgain()
    {
        using var modes = Modes();
        modes.Use("offline");
        (await modes.GetResponseAsync(Hi)).Text.Should().Contain("offline");

        modes.UseAutomatic();
        var response = await modes.GetResponseAsync(Hi);

        response.Text.Should().Be(Server.Reply);
        modes.ChosenMode.Should().BeNull();
        _changes.Select(c => c.Reason).Should().Equal("manual", "automatic");
    }

    [Fact]
    public void Use_UnknownMode_ListsTheModes()
    {
        using var modes = Modes();

        var act = () => modes.Use("cloud");

        act.Should().Throw<ArgumentException>().WithMessage("There is no LLM mode 'cloud'. Modes: api, local, offline.*");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ApiFailsBeforeTheFirstToken_LocalStreams()
    {
        Server.Inject(Fault.NotFound);
        _local.StreamTokens = ["Local", " stream", "."];
        using var modes = Modes();

        var text = string.Concat((await modes.GetStreamingResponseAsync(Hi).ToListAsync()).Select(u => u.Text));

        text.Should().Be("Local stream.");
        modes.CurrentMode.Should().Be("local");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ApiBreaksMidStream_NoSecondHalfAnswer()
    {
        Server.Inject(Fault.EndWithoutFinish);
        using var modes = Modes();

        var act = async () => await modes.GetStreamingResponseAsync(Hi).ToListAsync();

        await act.Should().ThrowAsync<LlmException>();
        _local.Requests.Should().BeEmpty();
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _local = await FakeOpenAIServer.StartAsync();
        _local.Reply = "local here";
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _local.DisposeAsync();
        await DisposeAsync();
    }

    private ModeSwitchingChatClient Modes()
    {
        var modes = new ModeSwitchingChatClient(
            [new("api", TestClients.Client(Server)), new("local", TestClients.Client(_local)), new("offline", new OfflineChatClient("kit"))],
            TimeSpan.FromSeconds(30),
            timeProvider: _clock);
        modes.ModeChanged += (_, change) => _changes.Add(change);
        return modes;
    }
}
