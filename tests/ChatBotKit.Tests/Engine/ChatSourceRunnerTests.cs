using ChatBotKit.Engine;
using ChatBotKit.Sources;
using ChatBotKit.Tests.Fakes;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

public sealed class ChatSourceRunnerTests : EngineTestBase
{
    private readonly List<IChatSource> _created = [];
    private readonly List<ChatSourceContext> _contexts = [];

    private sealed record Settings(string Server);

    [Fact]
    public async Task ApplyAsync_DeclaredSource_ConnectsWithItsChannelsAndRepliesThroughIt()
    {
        var definition = Bot().OnMention().AddSource(Fake("twitch", "a", ["c"])).Build();
        await using var engine = Start(definition);
        await using var runner = new ChatSourceRunner(engine, new ChatSourceContext { TimeProvider = Clock });

        await runner.ApplyAsync(definition.Sources);
        var source = (FakeChatSource)_created.Should().ContainSingle().Subject;
        source.Push(Message("alice", "hi @kit"));

        var sent = await source.WaitForSentAsync(1);
        sent.Should().ContainSingle().Which.Text.Should().Be("Hello from the model!");
        _contexts.Single().Channels.Should().Equal("c");
        var status = runner.GetSources().Should().ContainSingle().Subject;
        status.Name.Should().Be("twitch");
        status.State.Should().Be(ConnectionState.Connected);
        status.Events.Should().Be(1);
        status.LastEventAt.Should().Be(Fakes.Events.Start);
    }

    [Fact]
    public async Task ApplyAsync_SameSettingsNewChannels_KeepsConnectionAndJoinsAndLeaves()
    {
        MembershipChatSource? created = null;
        ChatSourceRegistration Registration(params string[] channels) =>
            new("twitch", new Settings("irc"), _ => created ??= new MembershipChatSource(channels)) { Channels = channels };
        await using var engine = Start(Bot().Build());
        await using var runner = new ChatSourceRunner(engine);

        await runner.ApplyAsync([Registration("a", "b")]);
        await runner.ApplyAsync([Registration("b", "c")]);

        runner.GetSource("twitch").Should().BeSameAs(created);
        created!.Calls.Should().Equal("leave a", "join c");
        created.State.Should().Be(ConnectionState.Connected);
        runner.GetSources().Single().Channels.Should().Equal("b", "c");
    }

    [Fact]
    public async Task ApplyAsync_NewChannelsWithoutMembership_ReplacesTheSource()
    {
        await using var engine = Start(Bot().Build());
        await using var runner = new ChatSourceRunner(engine);

        await runner.ApplyAsync([Fake("cytube", "a", ["x"])]);
        await runner.ApplyAsync([Fake("cytube", "a", ["y"])]);

        _created.Should().HaveCount(2);
        _created[0].State.Should().Be(ConnectionState.Closed);
        runner.GetSource("cytube").Should().BeSameAs(_created[1]);
    }

    [Fact]
    public async Task ApplyAsync_UnchangedSettingsAndChannels_KeepsTheSameConnection()
    {
        await using var engine = Start(Bot().Build());
        await using var runner = new ChatSourceRunner(engine);

        await runner.ApplyAsync([Fake("twitch", "a", ["c"])]);
        await runner.ApplyAsync([Fake("twitch", "a", ["c"])]);

        _created.Should().ContainSingle();
        _created[0].State.Should().Be(ConnectionState.Connected);
    }

    [Fact]
    public async Task ApplyAsync_ChangedSettings_DisposesOldAndConnectsNew()
    {
        await using var engine = Start(Bot().Build());
        await using var runner = new ChatSourceRunner(engine);

        await runner.ApplyAsync([Fake("twitch", "a", ["c"])]);
        await runner.ApplyAsync([Fake("twitch", "b", ["c"])]);

        _created.Should().HaveCount(2);
        _created[0].State.Should().Be(ConnectionState.Closed);
        _created[1].State.Should().Be(ConnectionState.Connected);
    }

    [Fact]
    public async Task ApplyAsync_SourceNoLongerDeclared_IsDisposed()
    {
        await using var engine = Start(Bot().Build());
        await using var runner = new ChatSourceRunner(engine);

        await runner.ApplyAsync([Fake("twitch", "a", ["c"]), Fake("nats", "a", ["d"])]);
        await runner.ApplyAsync([Fake("nats", "a", ["d"])]);

        _created[0].State.Should().Be(ConnectionState.Closed);
        _created[1].State.Should().Be(ConnectionState.Connected);
        runner.GetSources().Select(s => s.Name).Should().Equal("nats");
    }

    [Fact]
    public async Task ApplyAsync_SourceThatThrowsOnCreate_IsReportedAndOthersRun()
    {
        await using var engine = Start(Bot().Build());
        await using var runner = new ChatSourceRunner(engine);
        var broken = new ChatSourceRegistration("broken", new Settings("x"), _ => throw new InvalidOperationException("no route"));

        await runner.ApplyAsync([broken, Fake("twitch", "a", ["c"])]);

        var sources = runner.GetSources();
        sources.Should().HaveCount(2);
        sources[0].Should().Match<SourceStatus>(s => s.Name == "broken" && s.State == ConnectionState.Disconnected && s.Platform == null);
        sources[1].State.Should().Be(ConnectionState.Connected);
    }

    [Fact]
    public async Task ApplyAsync_SourceWhoseFirstConnectionsFail_IsTriedAgainWithBackoffUntilItConnects()
    {
        var attempts = 0;
        var definition = Bot().OnMention().Build();
        await using var engine = Start(definition);
        await using var runner = new ChatSourceRunner(engine, new ChatSourceContext { TimeProvider = Clock });
        var flaky = new ChatSourceRegistration("twitch", new Settings("irc"), _ =>
            ++attempts <= 2 ? throw new IOException("Connection refused") : new FakeChatSource())
        { Channels = ["c"] };

        await runner.ApplyAsync([flaky]);
        runner.GetSources().Single().State.Should().Be(ConnectionState.Disconnected);

        await AdvanceUntilAsync(() => runner.GetSource("twitch") is not null);

        attempts.Should().Be(3);
        var source = (FakeChatSource)runner.GetSource("twitch")!;
        source.Push(Message("alice", "hi @kit"));
        (await source.WaitForSentAsync(1)).Should().ContainSingle();
        runner.GetSources().Single().State.Should().Be(ConnectionState.Connected);
    }

    [Fact]
    public async Task ApplyAsync_FailingSourceNoLongerDeclared_IsNotTriedAgain()
    {
        var attempts = 0;
        await using var engine = Start(Bot().Build());
        await using var runner = new ChatSourceRunner(engine, new ChatSourceContext { TimeProvider = Clock });
        var broken = new ChatSourceRegistration("broken", new Settings("x"), _ => { attempts++; throw new IOException("Connection refused"); });

        await runner.ApplyAsync([broken]);
        await runner.ApplyAsync([]);
        Clock.Advance(TimeSpan.FromMinutes(10));

        attempts.Should().Be(1);
        runner.GetSources().Should().BeEmpty();
    }

    [Fact]
    public async Task StopReadingAsync_ThenDispose_InFlightReplySentBeforeSourceCloses()
    {
        var definition = Bot().OnMention().AddSource(Fake("twitch", "a", ["c"])).Build();
        var engine = Start(definition);
        var runner = new ChatSourceRunner(engine);
        await runner.ApplyAsync(definition.Sources);
        var source = (FakeChatSource)_created.Single();
        var release = new TaskCompletionSource();
        source.OnSend = _ => release.Task;
        source.Push(Message("alice", "hi @kit"));
        await WaitForLlmRequestsAsync(1);

        await runner.StopReadingAsync();
        source.Push(Message("bob", "hi @kit"));
        release.SetResult();
        await engine.DisposeAsync();
        await runner.DisposeAsync();

        source.Sent.Should().ContainSingle();
        source.State.Should().Be(ConnectionState.Closed);
        Llm.Requests.Should().ContainSingle();
    }

    /// <summary>Moves the clock a second at a time (backoff waits on it) until <paramref name="done"/>.</summary>
    private async Task AdvanceUntilAsync(Func<bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!done())
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5, timeout.Token);
        }
    }

    private ChatSourceRegistration Fake(string name, string server, string[] channels) =>
        new(name, new Settings(server), context =>
        {
            _contexts.Add(context);
            var source = new FakeChatSource();
            _created.Add(source);
            return source;
        })
        { Channels = channels };
}
