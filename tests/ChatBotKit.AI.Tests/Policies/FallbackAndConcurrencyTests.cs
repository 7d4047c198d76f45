using ChatBotKit.AI.Errors;
using ChatBotKit.AI.Policies;
using ChatBotKit.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Tests.Policies;

public sealed class FallbackAndConcurrencyTests : ServerTestBase
{
    private static readonly ChatMessage[] Hi = [new(ChatRole.User, "hi") { AuthorName = "alice" }];

    [Fact]
    public async Task GetResponseAsync_PrimaryFails_AnswersFromFallback()
    {
        Server.Inject(Fault.ServerError);
        using var client = new FallbackChatClient(TestClients.Client(Server), new OfflineChatClient("kit"));

        var response = await client.GetResponseAsync(Hi);

        response.Text.Should().Contain("offline");
        Server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_PrimaryFailsBeforeFirstToken_StreamsFromFallback()
    {
        Server.Inject(Fault.NotFound);
        using var client = new FallbackChatClient(TestClients.Client(Server), new OfflineChatClient("kit"));

        var text = string.Concat((await client.GetStreamingResponseAsync(Hi).ToListAsync()).Select(u => u.Text));

        text.Should().Contain("offline");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_PrimaryBreaksMidStream_DoesNotMixInFallback()
    {
        Server.Inject(Fault.EndWithoutFinish);
        using var client = new FallbackChatClient(TestClients.Client(Server), new OfflineChatClient("kit"));

        var act = async () => await client.GetStreamingResponseAsync(Hi).ToListAsync();

        await act.Should().ThrowAsync<LlmException>().Where(e => e.Kind == LlmFailureKind.TruncatedStream);
    }

    [Fact]
    public async Task GetResponseAsync_FiveCallsLimitTwo_NeverMoreThanTwoAtTheServer()
    {
        Server.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = new ConcurrencyLimitChatClient(TestClients.Client(Server), 2);

        var calls = Enumerable.Range(0, 5).Select(_ => client.GetResponseAsync(Hi)).ToList();
        await Server.WaitForRequestsAsync(2);
        client.ActiveCalls.Should().Be(2);
        calls.Should().OnlyContain(c => !c.IsCompleted);
        Server.Hold.SetResult();
        var responses = await Task.WhenAll(calls);

        responses.Should().OnlyContain(r => r.Text == Server.Reply);
        Server.Requests.Should().HaveCount(5);
        Server.MaxConcurrentRequests.Should().Be(2);
    }
}
