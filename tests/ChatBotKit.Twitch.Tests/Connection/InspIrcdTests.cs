using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Twitch.Tests.Connection;

/// <summary>The source against a real IRCv3 server (InspIRCd), which refuses Twitch's capabilities.</summary>
[Collection(SharedInspIrcd.Name)]
public sealed class InspIrcdTests(InspIrcdFixture server) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static int _counter;
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Connect_RealServer_JoinsAndTaggedMessagesGoBothWays(bool webSocket)
    {
        var (channel, nick) = Names();
        var viewer = Own(await IrcTestClient.ConnectAsync(server.TcpPort, "viewer" + nick, channel));
        var source = Own(Source(webSocket ? server.WebSocketAddress : server.TcpAddress, nick, channel));
        await source.ConnectAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        await viewer.WaitForAsync(l => l.Contains($":{nick}!", StringComparison.Ordinal) && l.Contains(" JOIN ", StringComparison.Ordinal) && l.Contains($"#{channel}", StringComparison.Ordinal));

        await viewer.SendAsync($"@+draft/reply-parent-msg-id=parent\\s1 PRIVMSG #{channel} :hello {nick}");
        var message = await NextAsync<MessageReceived>(events);
        await source.SendAsync(new OutgoingMessage { Channel = channel, Text = "hi viewer", ReplyToId = "abc;1" });
        var reply = await viewer.WaitForAsync(l => l.Contains("PRIVMSG", StringComparison.Ordinal) && l.Contains(":hi viewer", StringComparison.Ordinal));

        message.Text.Should().Be($"hello {nick}");
        message.Channel.Should().Be(channel);
        message.User.Login.Should().Be("viewer" + nick);
        ((string)message.RawRepresentation!).Should().Contain("+draft/reply-parent-msg-id=parent\\s1");
        reply.Should().StartWith("@").And.Contain("+draft/reply-parent-msg-id=abc\\:1");
    }

    [Fact]
    public async Task ServerKilledAndRestarted_SourceReconnectsAndRejoins()
    {
        var (channel, nick) = Names();
        var source = Own(Source(server.TcpAddress, nick, channel));
        var states = new List<ConnectionState>();
        var connectedAgain = new TaskCompletionSource();
        source.StateChanged += (_, e) =>
        {
            lock (states)
            {
                states.Add(e.Current);
                if (e.Current == ConnectionState.Connected && states.Contains(ConnectionState.Reconnecting))
                {
                    connectedAgain.TrySetResult();
                }
            }
        };
        await source.ConnectAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();

        await server.RestartAsync();
        await connectedAgain.Task.WaitAsync(Patience);
        var viewer = Own(await IrcTestClient.ConnectAsync(server.TcpPort, "viewer" + nick, channel));
        await viewer.SendAsync($"PRIVMSG #{channel} :after the restart");

        (await NextAsync<MessageReceived>(events)).Text.Should().Be("after the restart");
        source.State.Should().Be(ConnectionState.Connected);
    }

    private static (string Channel, string Nick) Names()
    {
        var n = Interlocked.Increment(ref _counter);
        return ($"chan{n}{Environment.ProcessId % 1000}", $"kit{n}x{Environment.ProcessId % 1000}");
    }

    private static TwitchChatSource Source(Uri address, string nick, string channel) =>
        new(TwitchChatSourceConformanceTests.OpenOptions(address) with { Nick = nick }, new ChatSourceContext { Channels = [channel] });

    private T Own<T>(T owned)
        where T : IAsyncDisposable
    {
        _owned.Add(owned);
        return owned;
    }

    private static async Task<T> NextAsync<T>(IAsyncEnumerator<ChatEvent> events)
        where T : ChatEvent
    {
        while (true)
        {
            (await events.MoveNextAsync().AsTask().WaitAsync(Patience)).Should().BeTrue();
            if (events.Current is T match)
            {
                return match;
            }
        }
    }
}
