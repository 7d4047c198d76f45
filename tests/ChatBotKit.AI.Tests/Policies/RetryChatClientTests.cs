using ChatBotKit.AI.Errors;
using ChatBotKit.AI.Policies;
using ChatBotKit.AI.Tests.Fakes;
using ChatBotKit.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Tests.Policies;

public sealed class RetryChatClientTests : ServerTestBase
{
    private static readonly ChatMessage[] Hi = [new(ChatRole.User, "hi")];
    private readonly ObservedClock _clock = new();

    [Fact]
    public async Task GetResponseAsync_429WithRetryAfter_WaitsExactlyRetryAfterThenSucceeds()
    {
        Server.RetryAfterSeconds = 7;
        Server.Inject(Fault.RateLimited);
        using var client = new RetryChatClient(TestClients.Client(Server), new RetryPolicyOptions(), _clock);

        var call = client.GetResponseAsync(Hi);
        var delay = await _clock.WaitForTimerAsync(d => d > TimeSpan.Zero);

        delay.Should().Be(TimeSpan.FromSeconds(7));
        Server.Requests.Should().HaveCount(1);
        _clock.Advance(TimeSpan.FromSeconds(7));
        (await call).Text.Should().Be(Server.Reply);
        Server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task GetResponseAsync_500Twice_BacksOffWithinBoundsAndSucceedsOnThirdTry()
    {
        Server.Inject(Fault.ServerError, Fault.ServerError);
        var options = new RetryPolicyOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10) };
        using var client = new RetryChatClient(TestClients.Client(Server), options, _clock);

        var call = client.GetResponseAsync(Hi);
        var first = await _clock.WaitForTimerAsync(d => d > TimeSpan.Zero);
        _clock.Advance(first);
        var second = await _clock.WaitForTimerAsync(d => d > TimeSpan.Zero, skip: 1);
        _clock.Advance(second);

        (await call).Text.Should().Be(Server.Reply);
        Server.Requests.Should().HaveCount(3);
        first.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(options.MaxDelay);
        second.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(options.MaxDelay);
    }

    [Fact]
    public async Task GetResponseAsync_401_IsNotRetried()
    {
        Server.Inject(Fault.Unauthorized);
        using var client = new RetryChatClient(TestClients.Client(Server), new RetryPolicyOptions(), _clock);

        await LlmAssert.ThrowsAsync(LlmFailureKind.Unauthorized, () => client.GetResponseAsync(Hi));

        Server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task GetResponseAsync_RetryAfterLongerThanAllowed_FailsAtOnce()
    {
        Server.RetryAfterSeconds = 120;
        Server.Inject(Fault.RateLimited);
        using var client = new RetryChatClient(TestClients.Client(Server), new RetryPolicyOptions { MaxRetryAfter = TimeSpan.FromSeconds(30) }, _clock);

        var error = await LlmAssert.ThrowsAsync(LlmFailureKind.RateLimited, () => client.GetResponseAsync(Hi));

        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(120));
        Server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task GetResponseAsync_RetriesExhausted_ThrowsLastError()
    {
        Server.Inject(Fault.ServerError, Fault.ServerError);
        using var client = new RetryChatClient(TestClients.Client(Server), new RetryPolicyOptions { MaxRetries = 1 }, _clock);

        var call = client.GetResponseAsync(Hi);
        _clock.Advance(await _clock.WaitForTimerAsync(d => d > TimeSpan.Zero));

        await LlmAssert.ThrowsAsync(LlmFailureKind.ServerError, () => call);
        Server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_500BeforeFirstToken_RetriesAndStreams()
    {
        Server.RetryAfterSeconds = 1;
        Server.Inject(Fault.RateLimited);
        using var client = new RetryChatClient(TestClients.Client(Server), new RetryPolicyOptions(), _clock);

        var call = client.GetStreamingResponseAsync(Hi).ToListAsync().AsTask();
        _clock.Advance(await _clock.WaitForTimerAsync(d => d > TimeSpan.Zero));

        (await call).Where(u => u.Text.Length > 0).Select(u => u.Text).Should().Equal(Server.StreamTokens);
        Server.Requests.Should().HaveCount(2);
    }
}
