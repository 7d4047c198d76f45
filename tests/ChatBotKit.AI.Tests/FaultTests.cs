using System.Net;
using System.Net.Sockets;
using ChatBotKit.AI.Errors;
using ChatBotKit.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Tests;

public sealed partial class FaultTests : ServerTestBase
{
    private static readonly ChatMessage[] Hi = [new(ChatRole.User, "hi")];

    [Fact]
    public async Task GetResponseAsync_401_ThrowsUnauthorizedNamingTheVariable()
    {
        Server.Inject(Fault.Unauthorized);
        using var client = TestClients.Client(Server);

        var error = await LlmAssert.ThrowsAsync(LlmFailureKind.Unauthorized, () => client.GetResponseAsync(Hi));

        error.StatusCode.Should().Be(401);
        error.Message.Should().Contain(TestClients.KeyVariable).And.NotContain(TestClients.DummyKey);
    }

    [Fact]
    public async Task GetResponseAsync_404_ThrowsModelNotFoundWithModelAndUrl()
    {
        Server.Inject(Fault.NotFound);
        using var client = TestClients.Client(Server, "nope");

        var error = await LlmAssert.ThrowsAsync(LlmFailureKind.ModelNotFound, () => client.GetResponseAsync(Hi));

        error.Message.Should().Be($"model 'nope' not found at {Server.BaseUrl}");
        error.Model.Should().Be("nope");
    }

    [Fact]
    public async Task GetResponseAsync_429_ThrowsRateLimitedWithRetryAfter()
    {
        Server.RetryAfterSeconds = 9;
        Server.Inject(Fault.RateLimited);
        using var client = TestClients.Client(Server);

        var error = await LlmAssert.ThrowsAsync(LlmFailureKind.RateLimited, () => client.GetResponseAsync(Hi));

        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(9));
        error.IsTransient.Should().BeTrue();
    }

    [Fact]
    public async Task GetResponseAsync_500_ThrowsServerError()
    {
        Server.Inject(Fault.ServerError);
        using var client = TestClients.Client(Server);

        var error = await LlmAssert.ThrowsAsync(LlmFailureKind.ServerError, () => client.GetResponseAsync(Hi));

        error.StatusCode.Should().Be(500);
        error.Kind.Should().Be(LlmFailureKind.ServerError);
    }

    [Fact]
    public async Task GetResponseAsync_MalformedJson_ThrowsMalformedResponse()
    {
        Server.Inject(Fault.MalformedJson);
        using var client = TestClients.Client(Server);

        var error = await LlmAssert.ThrowsAsync(LlmFailureKind.MalformedResponse, () => client.GetResponseAsync(Hi));

        error.Message.Should().Contain("not valid JSON").And.Contain(Server.BaseUrl.ToString());
    }

    [Fact]
    public async Task GetResponseAsync_HtmlErrorPage_ThrowsHtmlErrorPage()
    {
        Server.Inject(Fault.HtmlPage);
        using var client = TestClients.Client(Server);

        var error = await LlmAssert.ThrowsAsync(LlmFailureKind.HtmlErrorPage, () => client.GetResponseAsync(Hi));

        error.StatusCode.Should().Be(502);
        error.Message.Should().Contain("HTML");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StreamCutMidway_ThrowsTruncatedStreamAfterFirstTokens()
    {
        Server.Inject(Fault.CutStream);
        using var client = TestClients.Client(Server);
        var received = new List<string>();

        var act = async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Hi))
            {
                received.Add(update.Text);
                if (received.Count(t => t.Length > 0) == 2)
                {
                    Server.CutGate.TrySetResult();
                }
            }
        };

        await act.Should().ThrowAsync<LlmException>().Where(e => e.Kind == LlmFailureKind.TruncatedStream);
        received.Where(t => t.Length > 0).Should().Equal(Server.StreamTokens.Take(2));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_EndsWithoutFinishReason_ThrowsTruncatedStream()
    {
        Server.Inject(Fault.EndWithoutFinish);
        using var client = TestClients.Client(Server);

        var act = async () => await client.GetStreamingResponseAsync(Hi).ToListAsync();

        await act.Should().ThrowAsync<LlmException>().Where(e => e.Kind == LlmFailureKind.TruncatedStream).WithMessage("*ended before a finish reason*");
    }

    [Fact]
    public async Task GetResponseAsync_NothingListening_ThrowsUnreachable()
    {
        var port = FreePort();
        using var client = LlmClient.Create(new LlmOptions { BaseUrl = new Uri($"http://127.0.0.1:{port}/v1"), Model = "m" });

        var error = await LlmAssert.ThrowsAsync(LlmFailureKind.Unreachable, () => client.GetResponseAsync(Hi));

        error.IsTransient.Should().BeTrue();
        error.Message.Should().Contain($"127.0.0.1:{port}");
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancels_ThrowsOperationCanceled()
    {
        Server.Inject(Fault.Hang);
        using var client = TestClients.Client(Server);
        using var cts = new CancellationTokenSource();

        var call = client.GetResponseAsync(Hi, cancellationToken: cts.Token);
        await Server.WaitForRequestsAsync(1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
