using System.Text;
using ChatBotKit.Nats.Tests.Fixtures;

namespace ChatBotKit.Nats.Tests;

[Collection(NatsServerGroup.Name)]
public sealed class NatsConnectionRequestTests(NatsServerFixture fixture)
{
    [Fact]
    public async Task RequestAsync_Responder_ReturnsItsReplyWithHeaders()
    {
        await using var client = await fixture.ConnectAsync();
        await using var server = await fixture.ConnectAsync();
        await using var requests = await server.SubscribeAsync("svc.echo");
        var responder = Task.Run(async () =>
        {
            await foreach (var request in requests)
            {
                var text = Encoding.UTF8.GetString(request.Data.Span);
                await server.PublishAsync(request.ReplyTo!, Encoding.UTF8.GetBytes("echo:" + text), new NatsHeaders().Add("Id", request.Headers?["Id"] ?? "none"));
            }
        });

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.RequestAsync("svc.echo", Encoding.UTF8.GetBytes($"r{i}"), new NatsHeaders().Add("Id", $"id{i}"))));

        for (var i = 0; i < 20; i++)
        {
            Encoding.UTF8.GetString(replies[i].Data.Span).Should().Be($"echo:r{i}");
            replies[i].Headers!["Id"].Should().Be($"id{i}");
        }

        await requests.DisposeAsync();
        await responder;
    }

    [Fact]
    public async Task RequestAsync_NoSubscriber_ThrowsNoResponders()
    {
        await using var client = await fixture.ConnectAsync();

        var act = () => client.RequestAsync("svc.nobody.home", "x"u8.ToArray(), timeout: TimeSpan.FromSeconds(30));

        await act.Should().ThrowAsync<NatsNoRespondersException>();
    }

    [Fact]
    public async Task RequestAsync_SubscriberNeverAnswers_TimesOut()
    {
        await using var client = await fixture.ConnectAsync();
        await using var silent = await client.SubscribeAsync("svc.silent");

        var act = () => client.RequestAsync("svc.silent", "x"u8.ToArray(), timeout: TimeSpan.FromMilliseconds(200));

        await act.Should().ThrowAsync<TimeoutException>().WithMessage("*svc.silent*");
    }
}
