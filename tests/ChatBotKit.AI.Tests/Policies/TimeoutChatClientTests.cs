using ChatBotKit.AI.Errors;
using ChatBotKit.AI.Policies;
using ChatBotKit.AI.Tests.Fakes;
using ChatBotKit.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Tests.Policies;

public sealed class TimeoutChatClientTests : ServerTestBase
{
    private static readonly ChatMessage[] Hi = [new(ChatRole.User, "hi")];
    private readonly ObservedClock _clock = new();

    [Fact]
    public async Task GetResponseAsync_ServerHangs_TimesOutAfterDefault30Seconds()
    {
        Server.Inject(Fault.Hang);
        using var client = new TimeoutChatClient(TestClients.Client(Server), timeProvider: _clock);

        var call = client.GetResponseAsync(Hi);
        await Server.WaitForRequestsAsync(1);
        var due = await _clock.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromSeconds(29));
        call.IsCompleted.Should().BeFalse();
        _clock.Advance(TimeSpan.FromSeconds(1));

        var error = await LlmAssert.ThrowsAsync(LlmFailureKind.Timeout, () => call);
        due.Should().Be(TimeoutChatClient.DefaultTimeout);
        error.Message.Should().Contain(Server.BaseUrl.ToString()).And.Contain("30 s");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SlowFirstToken_TimesOut()
    {
        Server.Inject(Fault.SlowFirstToken);
        using var client = new TimeoutChatClient(TestClients.Client(Server), TimeSpan.FromSeconds(5), _clock);

        var call = client.GetStreamingResponseAsync(Hi).ToListAsync().AsTask();
        await Server.WaitForRequestsAsync(1);
        await _clock.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromSeconds(5));

        await LlmAssert.ThrowsAsync(LlmFailureKind.Timeout, () => call);
    }

    [Fact]
    public async Task GetResponseAsync_FastAnswer_IsReturned()
    {
        using var client = new TimeoutChatClient(TestClients.Client(Server), TimeSpan.FromSeconds(5), _clock);

        (await client.GetResponseAsync(Hi)).Text.Should().Be(Server.Reply);
    }
}
