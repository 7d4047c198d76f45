using ChatBotKit.AI.Errors;
using ChatBotKit.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Tests;

/// <summary>The Anthropic backend (the SDK's own adapter) against a fake of the Messages API.</summary>
public sealed class AnthropicBackendTests : IAsyncLifetime
{
    private static readonly ChatMessage[] Hi = [new(ChatRole.System, "You are kit."), new(ChatRole.User, "hi kit")];
    private FakeAnthropicServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAnthropicServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LlmOptions Options()
    {
        Environment.SetEnvironmentVariable(TestClients.KeyVariable, TestClients.DummyKey);
        return LlmPreset.Anthropic.ToOptions("claude-haiku-4-5") with { BaseUrl = _server.BaseUrl, ApiKeyVariable = TestClients.KeyVariable, MaxOutputTokens = 200 };
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SendsKeyModelSystemAndMaxTokensAndYieldsTokensAndFinish()
    {
        using var client = LlmClient.Create(Options());

        var updates = await client.GetStreamingResponseAsync(Hi).ToListAsync();

        var (request, key) = _server.Requests.Single();
        key.Should().Be(TestClients.DummyKey);
        var json = request.Json;
        json["model"]!.GetValue<string>().Should().Be("claude-haiku-4-5");
        json["max_tokens"]!.GetValue<int>().Should().Be(200);
        json["stream"]!.GetValue<bool>().Should().BeTrue();
        json["system"]!.ToJsonString().Should().Contain("You are kit.");
        json["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()).Should().Equal("user");
        updates.Where(u => u.Text.Length > 0).Select(u => u.Text).Should().Equal(_server.StreamTokens);
        updates.Select(u => u.FinishReason).Should().Contain(ChatFinishReason.Stop);
    }

    [Fact]
    public async Task GetResponseAsync_MapsTextAndUsage()
    {
        using var client = LlmClient.Create(Options());

        var response = await client.GetResponseAsync(Hi);

        response.Text.Should().Be(string.Concat(_server.StreamTokens));
        response.Usage!.InputTokenCount.Should().Be(FakeResponses.PromptTokens);
        response.Usage.OutputTokenCount.Should().Be(FakeResponses.CompletionTokens);
    }

    [Theory]
    [InlineData(Fault.Unauthorized, LlmFailureKind.Unauthorized, 401)]
    [InlineData(Fault.NotFound, LlmFailureKind.ModelNotFound, 404)]
    [InlineData(Fault.RateLimited, LlmFailureKind.RateLimited, 429)]
    [InlineData(Fault.ServerError, LlmFailureKind.ServerError, 529)]
    public async Task GetResponseAsync_ErrorStatus_ThrowsItsKind(Fault fault, LlmFailureKind kind, int status)
    {
        _server.Inject(fault);
        using var client = LlmClient.Create(Options());

        var error = await LlmAssert.ThrowsAsync(kind, () => client.GetResponseAsync(Hi));

        error.StatusCode.Should().Be(status);
        error.Message.Should().Contain(_server.BaseUrl.Authority).And.NotContain(TestClients.DummyKey);
        _server.Requests.Should().HaveCount(1, "the SDK's own retries are off");
    }

    [Theory]
    [InlineData(Fault.StreamError, LlmFailureKind.ServerError)]
    [InlineData(Fault.EndWithoutFinish, LlmFailureKind.TruncatedStream)]
    public async Task GetStreamingResponseAsync_StreamFault_ThrowsItsKind(Fault fault, LlmFailureKind kind)
    {
        _server.Inject(fault);
        using var client = LlmClient.Create(Options());

        var act = async () => await client.GetStreamingResponseAsync(Hi).ToListAsync();

        (await act.Should().ThrowAsync<LlmException>()).Which.Kind.Should().Be(kind);
    }

    [Fact]
    public async Task CheckAsync_ModelListed_IsReadyAndSendsTheKey()
    {
        var report = await LlmHealthProbe.CheckAsync(Options());

        report.Status.Should().Be(LlmHealthStatus.Ready, report.Detail);
        _server.Requests.Single().ApiKey.Should().Be(TestClients.DummyKey);
    }
}
