using ChatBotKit.AI.Policies;
using ChatBotKit.AI.Tests.Fakes;
using ChatBotKit.AI.Tests.Server;
using ChatBotKit.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.AI.Tests.Policies;

public sealed class LlmPipelineTests : ServerTestBase
{
    private static readonly ChatMessage[] Hi = [new(ChatRole.User, "secret viewer text")];

    [Fact]
    public async Task Build_HangThenRetriesExhausted_TimesOutEachAttemptThenFallsBack()
    {
        var clock = new ObservedClock();
        Server.Inject(Fault.Hang, Fault.Hang);
        var client = TestClients.Client(Server).AsBuilder()
            .UseFallback(new OfflineChatClient("kit"))
            .UseRetry(new RetryPolicyOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromSeconds(1) }, clock)
            .UseTimeout(TimeSpan.FromSeconds(10), clock)
            .UseConcurrencyLimit(1)
            .Build();

        var call = client.GetResponseAsync(Hi);
        await clock.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(10));
        await Server.WaitForRequestsAsync(1);
        clock.Advance(TimeSpan.FromSeconds(10));
        var backoff = await clock.WaitForTimerAsync(d => d != TimeSpan.FromSeconds(10));
        clock.Advance(backoff);
        await clock.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(10), skip: 1);
        await Server.WaitForRequestsAsync(2);
        clock.Advance(TimeSpan.FromSeconds(10));

        (await call).Text.Should().Contain("offline");
        Server.Requests.Should().HaveCount(2);
        client.GetService<RetryChatClient>().Should().NotBeNull();
        client.GetService<TimeoutChatClient>()!.Timeout.Should().Be(TimeSpan.FromSeconds(10));
        client.GetService<ConcurrencyLimitChatClient>()!.MaxConcurrentCalls.Should().Be(1);
    }

    [Fact]
    public async Task UseLogging_DebugLevel_LogsCallsButNeverMessageTextOrKey()
    {
        using var logs = new ListLoggerProvider(LogLevel.Debug);
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        Server.Inject(Fault.ServerError);
        var client = TestClients.Client(Server).AsBuilder().UseLogging(factory).Build();

        await LlmAssert.ThrowsAsync(ChatBotKit.AI.Errors.LlmFailureKind.ServerError, () => client.GetResponseAsync(Hi));
        await client.GetResponseAsync(Hi);

        logs.Lines.Should().Contain(l => l.Level == LogLevel.Error && l.Text.Contains("GetResponseAsync failed"));
        logs.Lines.Should().Contain(l => l.Level == LogLevel.Debug && l.Text.Contains("GetResponseAsync completed"));
        logs.Lines.Should().NotContain(l => l.Text.Contains("secret viewer text") || l.Text.Contains(Server.Reply) || l.Text.Contains(TestClients.DummyKey));
    }

    [Fact]
    public async Task UseLogging_TraceLevel_LogsMessageText()
    {
        using var logs = new ListLoggerProvider(LogLevel.Trace);
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var client = TestClients.Client(Server).AsBuilder().UseLogging(factory).Build();

        await client.GetResponseAsync(Hi);

        logs.Lines.Should().Contain(l => l.Level == LogLevel.Trace && l.Text.Contains("secret viewer text"));
        logs.Lines.Should().Contain(l => l.Level == LogLevel.Trace && l.Text.Contains(Server.Reply));
    }
}
