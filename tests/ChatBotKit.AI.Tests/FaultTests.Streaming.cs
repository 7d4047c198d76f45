using ChatBotKit.AI.Errors;
using ChatBotKit.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Tests;

public sealed partial class FaultTests
{
    [Fact]
    public async Task GetStreamingResponseAsync_MalformedJsonInStream_ThrowsMalformedResponseAfterFirstToken()
    {
        Server.Inject(Fault.MalformedStreamJson);
        using var client = TestClients.Client(Server);
        var received = new List<string>();

        var act = async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Hi))
            {
                received.Add(update.Text);
            }
        };

        var error = (await act.Should().ThrowAsync<LlmException>().Where(e => e.Kind == LlmFailureKind.MalformedResponse)).Which;
        error.Message.Should().Contain("not valid JSON").And.Contain(Server.BaseUrl.ToString());
        error.IsTransient.Should().BeFalse();
        received.Should().Equal(Server.StreamTokens[0]);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ErrorEventInStream_ThrowsServerErrorWithItsMessage()
    {
        Server.Inject(Fault.StreamError);
        using var client = TestClients.Client(Server);

        var act = async () => await client.GetStreamingResponseAsync(Hi).ToListAsync();

        (await act.Should().ThrowAsync<LlmException>().Where(e => e.Kind == LlmFailureKind.ServerError)).Which.Message.Should().Contain("model crashed");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_401_ThrowsUnauthorizedBeforeAnyUpdate()
    {
        Server.Inject(Fault.Unauthorized);
        using var client = TestClients.Client(Server);

        var act = async () => await client.GetStreamingResponseAsync(Hi).ToListAsync();

        (await act.Should().ThrowAsync<LlmException>().Where(e => e.Kind == LlmFailureKind.Unauthorized)).Which.StatusCode.Should().Be(401);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Completes_MapsIdModelAndCreatedOnEveryUpdate()
    {
        using var client = TestClients.Client(Server);

        var updates = await client.GetStreamingResponseAsync(Hi).ToListAsync();

        updates.Should().OnlyContain(u => u.ResponseId == "chatcmpl-1" && u.ModelId == "llama3.2" && u.Role == ChatRole.Assistant);
        updates[0].CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767225600));
        string.Concat(updates.Select(u => u.Text)).Should().Be(string.Concat(Server.StreamTokens));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_CallerCancelsBeforeFirstToken_ThrowsCanceledAndAbortsTheRequest()
    {
        Server.Inject(Fault.SlowFirstToken);
        using var client = TestClients.Client(Server);
        using var cts = new CancellationTokenSource();

        var call = client.GetStreamingResponseAsync(Hi, cancellationToken: cts.Token).ToListAsync().AsTask();
        await Server.WaitForRequestsAsync(1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Server.Aborted.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task CheckAsync_401_IsUnauthorizedNamingTheKeyVariable()
    {
        Server.Inject(Fault.Unauthorized);

        var report = await LlmHealthProbe.CheckAsync(TestClients.Options(Server));

        report.Status.Should().Be(LlmHealthStatus.Unauthorized);
        report.Detail.Should().Contain("refused the API key (401)").And.Contain(TestClients.KeyVariable).And.NotContain(TestClients.DummyKey);
    }
}
