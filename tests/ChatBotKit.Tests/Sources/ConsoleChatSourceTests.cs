using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Time;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Sources;

public sealed class ConsoleChatSourceTests : ChatSourceConformanceTests<ConsoleChatSource>
{
    private readonly LineFeedReader _input = new(blocksLikeConsole: true);
    private readonly LineSink _output = new();
    private readonly VirtualClock _clock = new(Start);

    protected override string Channel => "console";

    [Fact]
    public async Task ReadEventsAsync_NamedLine_MapsEveryField()
    {
        _clock.Advance(TimeSpan.FromSeconds(5));

        var message = (await ReadAllAsync("alice: hello @kit")).Should().ContainSingle().Subject;

        message.Should().BeEquivalentTo(new MessageReceived
        {
            Platform = ChatPlatform.Console,
            Channel = "console",
            Timestamp = Start.AddSeconds(5),
            Id = "console-1",
            User = ChatUser.Named("alice"),
            Text = "hello @kit",
            MessageKind = MessageKind.Public,
            RawRepresentation = "alice: hello @kit",
        });
    }

    [Theory]
    [InlineData("alice: hi", "alice", "hi", MessageKind.Public)]
    [InlineData("  Bob_99:   spaced out  ", "Bob_99", "spaced out", MessageKind.Public)]
    [InlineData("just chatting", "viewer", "just chatting", MessageKind.Public)]
    [InlineData("alice: the time is 10:30", "alice", "the time is 10:30", MessageKind.Public)]
    [InlineData("https://example.com/a:b", "viewer", "https://example.com/a:b", MessageKind.Public)]
    [InlineData("Jane Doe: hi", "viewer", "Jane Doe: hi", MessageKind.Public)]
    [InlineData("alice:no space", "viewer", "alice:no space", MessageKind.Public)]
    [InlineData("alice: /me waves", "alice", "waves", MessageKind.Action)]
    [InlineData("/me dances", "viewer", "dances", MessageKind.Action)]
    [InlineData("/meow", "viewer", "/meow", MessageKind.Public)]
    public async Task ReadEventsAsync_Line_ParsesUserTextAndKind(string line, string user, string text, MessageKind kind)
    {
        var message = (await ReadAllAsync(line)).Should().ContainSingle().Subject;

        message.User.DisplayName.Should().Be(user);
        message.User.Login.Should().Be(user.ToLowerInvariant());
        message.Text.Should().Be(text);
        message.MessageKind.Should().Be(kind);
    }

    [Fact]
    public async Task ReadEventsAsync_BlankAndEmptyLines_SkippedButIdsFollowLineNumbers()
    {
        var messages = await ReadAllAsync("a: one\n\n   \nalice:\n/me \nb: two");

        messages.Select(m => (m.Id, m.Text)).Should().Equal(("console-1", "one"), ("console-6", "two"));
    }

    [Fact]
    public async Task ReadEventsAsync_CustomChannelAndDefaultUser_AreUsed()
    {
        var options = new ConsoleChatSourceOptions { Channel = "lobby", DefaultUser = "guest" };

        var message = (await ReadAllAsync("anyone here?", options)).Should().ContainSingle().Subject;

        message.Channel.Should().Be("lobby");
        message.User.Should().Be(ChatUser.Named("guest"));
    }

    [Fact]
    public async Task ReadEventsAsync_EndOfInput_EndsStreamButSendingStillWorks()
    {
        var source = await ConnectedSourceAsync();
        _input.Write("alice: last words");
        _input.End();

        var messages = await source.ReadEventsAsync().ToListAsync().AsTask().WaitAsync(Patience);
        await source.SendAsync(Outgoing("a late reply"));

        messages.Should().ContainSingle();
        source.State.Should().Be(ConnectionState.Connected);
        (await _output.NextLineAsync()).Should().Be("kit: a late reply");
    }

    [Fact]
    public async Task SendAsync_EachKind_WritesItsOwnLineFormat()
    {
        var source = await ConnectedSourceAsync();

        await source.SendAsync(Outgoing("two\nlines"));
        await source.SendAsync(Outgoing("psst") with { Kind = MessageKind.Private, Recipient = ChatUser.Named("Alice") });
        await source.SendAsync(Outgoing("waves") with { Kind = MessageKind.Action });

        (await _output.NextLineAsync()).Should().Be("kit: two lines");
        (await _output.NextLineAsync()).Should().Be("kit -> Alice: psst");
        (await _output.NextLineAsync()).Should().Be("* kit waves");
    }

    [Theory]
    [InlineData("BotName")]
    [InlineData("Channel")]
    [InlineData("DefaultUser")]
    public void Constructor_EmptySetting_ThrowsNamingIt(string setting)
    {
        var options = setting switch
        {
            "BotName" => new ConsoleChatSourceOptions { BotName = " " },
            "Channel" => new ConsoleChatSourceOptions { Channel = "" },
            _ => new ConsoleChatSourceOptions { DefaultUser = "" },
        };

        FluentActions.Invoking(() => new ConsoleChatSource(options)).Should().Throw<ArgumentException>()
            .WithMessage($"*ConsoleChatSourceOptions.{setting}*");
    }

    [Fact]
    public async Task ReadEventsAsync_StreamerPrefix_ComesFromTheBroadcaster()
    {
        var messages = await ReadAllAsync("> !say hello everyone\nalice: > not the streamer");

        messages[0].User.Should().Be(ChatUser.Named("streamer", ChatRoles.Broadcaster));
        messages[0].Text.Should().Be("!say hello everyone");
        messages[1].User.Should().Be(ChatUser.Named("alice"));
        messages[1].Text.Should().Be("> not the streamer");
    }

    [Fact]
    public async Task ReadEventsAsync_StreamerPrefixOff_LineIsAViewers()
    {
        var message = (await ReadAllAsync("> !say hi", new ConsoleChatSourceOptions { StreamerPrefix = null })).Should().ContainSingle().Subject;

        message.User.Should().Be(ChatUser.Named("viewer"));
        message.Text.Should().Be("> !say hi");
    }

    protected override ConsoleChatSource CreateSource() =>
        new(new ConsoleChatSourceOptions { BotName = "kit", Input = _input, Output = _output, TimeProvider = _clock });

    protected override Task PushMessageAsync(string user, string text)
    {
        _input.Write($"{user}: {text}");
        return Task.CompletedTask;
    }

    protected override async Task<string> ReadSentTextAsync()
    {
        var line = await _output.NextLineAsync();
        line.Should().StartWith("kit: ");
        return line["kit: ".Length..];
    }

    private async Task<List<MessageReceived>> ReadAllAsync(string input, ConsoleChatSourceOptions? options = null)
    {
        options ??= new ConsoleChatSourceOptions();
        await using var source = new ConsoleChatSource(options with { Input = new StringReader(input), Output = _output, TimeProvider = _clock });
        await source.ConnectAsync();
        var events = await source.ReadEventsAsync().ToListAsync().AsTask().WaitAsync(Patience);
        return [.. events.Cast<MessageReceived>()];
    }
}
