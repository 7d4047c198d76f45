using System.Text;
using ChatBotKit.Nats.Tests.Fixtures;

namespace ChatBotKit.Nats.Tests;

[Collection(NatsServerGroup.Name)]
public sealed class NatsConnectionPubSubTests(NatsServerFixture fixture)
{
    [Fact]
    public async Task PublishAsync_Subscribed_MessageArrivesWithSubjectAndData()
    {
        await using var connection = await fixture.ConnectAsync();
        await using var subscription = await connection.SubscribeAsync("pubsub.one");

        await connection.PublishAsync("pubsub.one", "hello"u8.ToArray());

        var message = await Wait.NextAsync(subscription);
        message.Subject.Should().Be("pubsub.one");
        Encoding.UTF8.GetString(message.Data.Span).Should().Be("hello");
        message.Headers.Should().BeNull();
        message.ReplyTo.Should().BeNull();
    }

    [Fact]
    public async Task SubscribeAsync_Wildcards_MatchOnlyTheirSubjects()
    {
        await using var publisher = await fixture.ConnectAsync();
        await using var subscriber = await fixture.ConnectAsync();
        await using var star = await subscriber.SubscribeAsync("wild.*.x");
        await using var tail = await subscriber.SubscribeAsync("wild.>");

        await publisher.PublishAsync("wild.a.x", "1"u8.ToArray());
        await publisher.PublishAsync("wild.a.b.c", "2"u8.ToArray());

        (await Wait.NextAsync(star)).Subject.Should().Be("wild.a.x");
        (await Wait.NextAsync(tail)).Subject.Should().Be("wild.a.x");
        (await Wait.NextAsync(tail)).Subject.Should().Be("wild.a.b.c");
        await publisher.PingAsync();
        await subscriber.PingAsync();
        star.Messages.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public async Task PublishAsync_WithHeaders_HeadersArriveWithCaseAndRepeats()
    {
        await using var connection = await fixture.ConnectAsync();
        await using var subscription = await connection.SubscribeAsync("pubsub.headers");
        var headers = new NatsHeaders().Add("Correlation-Id", "c-42").Add("Food", "donut").Add("Food", "eggs");

        await connection.PublishAsync("pubsub.headers", "body"u8.ToArray(), headers, replyTo: "pubsub.reply");

        var message = await Wait.NextAsync(subscription);
        message.Headers.Should().NotBeNull();
        message.Headers!["correlation-id"].Should().Be("c-42");
        message.Headers.Entries.Should().Contain(e => e.Key == "Correlation-Id");
        message.Headers.GetValues("Food").Should().Equal("donut", "eggs");
        message.ReplyTo.Should().Be("pubsub.reply");
        Encoding.UTF8.GetString(message.Data.Span).Should().Be("body");
    }

    [Fact]
    public async Task SubscribeAsync_QueueGroup_EachMessageGoesToOneMember()
    {
        await using var publisher = await fixture.ConnectAsync();
        await using var a = await fixture.ConnectAsync();
        await using var b = await fixture.ConnectAsync();
        await using var subA = await a.SubscribeAsync("work.items", "workers");
        await using var subB = await b.SubscribeAsync("work.items", "workers");

        for (var i = 0; i < 200; i++)
        {
            await publisher.PublishAsync("work.items", Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var seen = new List<string>();
        await Wait.UntilAsync(
            () =>
            {
                while (subA.Messages.TryRead(out var m) || subB.Messages.TryRead(out m))
                {
                    seen.Add(Encoding.UTF8.GetString(m.Data.Span));
                }

                return seen.Count >= 200;
            },
            "200 queue messages");
        seen.Should().OnlyHaveUniqueItems().And.HaveCount(200);
    }

    [Fact]
    public async Task QueueGroup_BothMembersGetShare()
    {
        await using var publisher = await fixture.ConnectAsync();
        await using var a = await fixture.ConnectAsync();
        await using var b = await fixture.ConnectAsync();
        await using var subA = await a.SubscribeAsync("share.items", "g");
        await using var subB = await b.SubscribeAsync("share.items", "g");
        for (var i = 0; i < 400; i++)
        {
            await publisher.PublishAsync("share.items", "x"u8.ToArray());
        }

        await Wait.UntilAsync(() => subA.Messages.Count + subB.Messages.Count == 400, "400 messages");
        subA.Messages.Count.Should().BePositive();
        subB.Messages.Count.Should().BePositive();
    }

    [Fact]
    public async Task DisposeAsync_Subscription_StopsDelivery()
    {
        await using var connection = await fixture.ConnectAsync();
        var subscription = await connection.SubscribeAsync("pubsub.unsub");
        await subscription.DisposeAsync();

        await connection.PublishAsync("pubsub.unsub", "x"u8.ToArray());
        await connection.PingAsync();

        subscription.Messages.TryRead(out _).Should().BeFalse();
        subscription.Messages.Completion.IsCompleted.Should().BeTrue();
    }

    [Fact]
    public async Task PublishAsync_OverMaxPayload_ThrowsBeforeSending()
    {
        await using var connection = await fixture.ConnectAsync();
        connection.MaxPayload.Should().Be(1024 * 1024);

        var act = async () => await connection.PublishAsync("pubsub.big", new byte[connection.MaxPayload + 1]);

        await act.Should().ThrowAsync<NatsPayloadTooLargeException>();
        await connection.PingAsync();
        connection.State.Should().Be(NatsConnectionState.Connected);
        connection.ServerErrors.Should().Be(0);
    }

    [Fact]
    public async Task Subscription_ReaderFallsBehind_DropsAndCountsWithoutStallingOthers()
    {
        await using var connection = await fixture.ConnectAsync(fixture.Options with { SubscriptionCapacity = 10 });
        await using var slow = await connection.SubscribeAsync("slow.items");
        await using var other = await connection.SubscribeAsync("slow.other");

        for (var i = 0; i < 50; i++)
        {
            await connection.PublishAsync("slow.items", "x"u8.ToArray());
        }

        await connection.PublishAsync("slow.other", "still here"u8.ToArray());

        (await Wait.NextAsync(other)).Subject.Should().Be("slow.other");
        slow.Messages.Count.Should().Be(10);
        slow.DroppedMessages.Should().Be(40);
        connection.SlowConsumerDrops.Should().Be(40);
    }

    [Fact]
    public async Task Subscription_AwaitForeach_YieldsMessagesUntilDisposed()
    {
        await using var connection = await fixture.ConnectAsync();
        var subscription = await connection.SubscribeAsync("pubsub.foreach");
        for (var i = 0; i < 3; i++)
        {
            await connection.PublishAsync("pubsub.foreach", new[] { (byte)('a' + i) });
        }

        var texts = new List<string>();
        await foreach (var message in subscription.WithCancellation(new CancellationTokenSource(Wait.Patience).Token))
        {
            texts.Add(Encoding.ASCII.GetString(message.Data.Span));
            if (texts.Count == 3)
            {
                await subscription.DisposeAsync();
            }
        }

        texts.Should().Equal("a", "b", "c");
    }

    [Fact]
    public void Constructor_InvalidOptions_NamesTheSetting()
    {
        var act = () => new NatsConnection(new NatsOptions { Servers = [new Uri("http://x")] });

        act.Should().Throw<ArgumentException>().WithMessage("*NatsOptions.Servers*");
    }
}
