using System.Collections.Concurrent;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Twitch.Tests.Connection;

/// <summary>RECONNECT is handled make-before-break against the fake Twitch server, on real sockets.</summary>
public sealed class TwitchHandoverTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reconnect_ChatGoesOnDuringTheSwitch_NoMessageLostNoneDuplicatedOldConnectionClosed(bool webSocket)
    {
        await using var server = new FakeTwitchServer(webSocket: webSocket) { EnforceLimits = false };
        await using var source = TwitchChatSourceTests.Source(server, "c", "d");
        await source.ConnectAsync();
        await server.NextJoinAsync(Patience);
        await server.NextJoinAsync(Patience);
        var ids = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var reading = CollectAsync(source, ids, stop.Token);
        var pushed = 0;

        await server.PushAsync(":tmi.twitch.tv RECONNECT");
        var rejoined = Task.WhenAll(server.NextJoinAsync(Patience), server.NextJoinAsync(Patience));
        var deadline = DateTime.UtcNow + Patience;
        while (!rejoined.IsCompleted || server.ConnectionCount > 1 || pushed < 50)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the new connection should join and the old one close");
            await server.PushToChannelAsync(pushed % 2 == 0 ? "c" : "d", Chat(pushed % 2 == 0 ? "c" : "d", pushed));
            pushed++;
            await Task.Delay(5);
        }

        for (var i = 0; i < 20; i++, pushed++)
        {
            await server.PushToChannelAsync("c", Chat("c", pushed));
        }

        await WaitUntilAsync(() => ids.Distinct().Count() == pushed);
        await Task.Delay(200);
        await stop.CancelAsync();
        await reading;

        (await rejoined).Should().BeEquivalentTo("c", "d");
        ids.Should().OnlyHaveUniqueItems().And.HaveCount(pushed);
        server.Logins.Should().Be(2);
        server.ConnectionCount.Should().Be(1, "the old connection is closed after the switch");
        source.State.Should().Be(ConnectionState.Connected);
    }

    [Fact]
    public async Task Reconnect_Twice_SendsGoToTheNewestConnection()
    {
        await using var server = new FakeTwitchServer { EnforceLimits = false };
        await using var source = TwitchChatSourceTests.Source(server, "c");
        await source.ConnectAsync();
        await server.NextJoinAsync(Patience);

        for (var logins = 2; logins <= 3; logins++)
        {
            await server.PushAsync(":tmi.twitch.tv RECONNECT");
            await server.NextJoinAsync(Patience);
            await WaitUntilAsync(() => server.ConnectionCount == 1 && server.Logins == logins);
        }

        await source.SendAsync(new OutgoingMessage { Channel = "c", Text = "after the switch" });

        (await server.NextReceivedAsync(Patience)).Text.Should().Be("after the switch");
        source.Statistics.LostOnDisconnect.Should().Be(0);
    }

    [Fact]
    public async Task Reconnect_AgainOnTheNewConnectionDuringTheSwitch_MovesOnceMore()
    {
        // The new connection is told to reconnect while it is still joining: once the first switch
        // is done, the client moves again instead of staying on a connection Twitch is about to drop.
        await using var server = new FakeTwitchServer { EnforceLimits = false, ReconnectAtJoinOfLogin = 2 };
        await using var source = TwitchChatSourceTests.Source(server, "c");
        await source.ConnectAsync();
        await server.NextJoinAsync(Patience);

        await server.PushAsync(":tmi.twitch.tv RECONNECT");
        await WaitUntilAsync(() => server.Logins == 3 && server.ConnectionCount == 1);
        await source.SendAsync(new OutgoingMessage { Channel = "c", Text = "after both switches" });

        (await server.NextReceivedAsync(Patience)).Text.Should().Be("after both switches");
        source.Statistics.LostOnDisconnect.Should().Be(0);
        source.State.Should().Be(ConnectionState.Connected);
    }

    [Fact]
    public async Task Reconnect_SourceDisposedDuringTheSwitch_DisposeClosesEveryConnection()
    {
        await using var server = new FakeTwitchServer { EnforceLimits = false };
        var source = TwitchChatSourceTests.Source(server, "c");
        await source.ConnectAsync();
        await server.NextJoinAsync(Patience);

        await server.PushAsync(":tmi.twitch.tv RECONNECT");
        await WaitUntilAsync(() => server.Logins == 2);
        await source.DisposeAsync().AsTask().WaitAsync(Patience);

        await WaitUntilAsync(() => server.ConnectionCount == 0);
        source.State.Should().Be(ConnectionState.Closed);
    }

    private static string Chat(string channel, int n) =>
        $"@badges=;display-name=viewer;id=msg-{n};user-id=42;tmi-sent-ts=1700000000000 :viewer!viewer@viewer.tmi.twitch.tv PRIVMSG #{channel} :message {n}";

    private static async Task CollectAsync(TwitchChatSource source, ConcurrentQueue<string> ids, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var evt in source.ReadEventsAsync(cancellationToken))
            {
                if (evt is MessageReceived message)
                {
                    ids.Enqueue(message.Id!);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the condition should become true");
            await Task.Delay(10);
        }
    }
}
