using ChatBotKit.AI.Errors;
using ChatBotKit.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Tests;

/// <summary>The Ollama backend against a fake of Ollama's native API.</summary>
public sealed class OllamaBackendTests : IAsyncLifetime
{
    private static readonly ChatMessage[] Hi = [new(ChatRole.System, "You are kit."), new(ChatRole.User, "hi kit")];
    private FakeOllamaServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOllamaServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LlmOptions Options(string model = "llama3.2") => LlmPreset.Ollama.ToOptions(model) with { BaseUrl = _server.BaseUrl };

    [Fact]
    public async Task GetStreamingResponseAsync_SendsContextSizeAndKeepAliveAndYieldsTokensUsageAndFinish()
    {
        using var client = LlmClient.Create(Options() with { ContextSize = 8192, KeepAlive = TimeSpan.FromMinutes(30) });

        var updates = await client.GetStreamingResponseAsync(Hi).ToListAsync();

        var json = _server.Requests.Single().Json;
        json["model"]!.GetValue<string>().Should().Be("llama3.2");
        json["options"]!["num_ctx"]!.GetValue<int>().Should().Be(8192);
        json["keep_alive"]!.GetValue<string>().Should().Be("1800s");
        json["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()).Should().Equal("system", "user");
        updates.Where(u => u.Text.Length > 0).Select(u => u.Text).Should().Equal(_server.StreamTokens);
        updates.Select(u => u.FinishReason).Should().Contain(ChatFinishReason.Stop);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single().Details;
        usage.OutputTokenCount.Should().Be(FakeResponses.CompletionTokens);
    }

    [Fact]
    public async Task GetResponseAsync_WithoutSettings_LeavesTheServersDefaults()
    {
        using var client = LlmClient.Create(Options());

        var response = await client.GetResponseAsync(Hi);

        response.Text.Should().Be(string.Concat(_server.StreamTokens));
        var json = _server.Requests.Single().Json;
        json["keep_alive"].Should().BeNull();
        json["options"]?["num_ctx"].Should().BeNull();
    }

    [Fact]
    public async Task GetResponseAsync_ModelNotPulled_ThrowsModelNotFoundSayingOllamaPull()
    {
        using var client = LlmClient.Create(Options("qwen3"));

        var error = await LlmAssert.ThrowsAsync(LlmFailureKind.ModelNotFound, () => client.GetResponseAsync(Hi));

        error.Message.Should().Contain("model 'qwen3' not found").And.Contain("ollama pull qwen3");
        error.StatusCode.Should().Be(404);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_500_ThrowsServerError()
    {
        _server.Inject(Fault.ServerError);
        using var client = LlmClient.Create(Options());

        var act = async () => await client.GetStreamingResponseAsync(Hi).ToListAsync();

        (await act.Should().ThrowAsync<LlmException>()).Which.Kind.Should().Be(LlmFailureKind.ServerError);
    }

    [Theory]
    [InlineData(Fault.CutStream, LlmFailureKind.TruncatedStream)]
    [InlineData(Fault.EndWithoutFinish, LlmFailureKind.TruncatedStream)]
    [InlineData(Fault.StreamError, LlmFailureKind.ServerError)]
    public async Task GetStreamingResponseAsync_StreamFault_ThrowsItsKindAfterTheFirstTokens(Fault fault, LlmFailureKind kind)
    {
        _server.Inject(fault);
        using var client = LlmClient.Create(Options());
        var received = new List<string>();

        var act = async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Hi))
            {
                received.Add(update.Text);
                if (received.Count(t => t.Length > 0) == 2)
                {
                    _server.CutGate.TrySetResult();
                }
            }
        };

        (await act.Should().ThrowAsync<LlmException>()).Which.Kind.Should().Be(kind);
        received.Where(t => t.Length > 0).Should().Equal(fault == Fault.EndWithoutFinish ? _server.StreamTokens : _server.StreamTokens.Take(2));
    }

    [Fact]
    public async Task CheckAsync_ModelPulledAsLatest_IsReady()
    {
        var report = await LlmHealthProbe.CheckAsync(Options());

        report.Status.Should().Be(LlmHealthStatus.Ready);
        _server.Requests.Single().Path.Should().Be("/api/tags");
    }

    [Fact]
    public async Task CheckAsync_ModelNotPulled_IsModelMissingSayingOllamaPull()
    {
        var report = await LlmHealthProbe.CheckAsync(Options("qwen3"));

        report.Status.Should().Be(LlmHealthStatus.ModelMissing);
        report.Models.Should().Equal("llama3.2:latest");
        report.Detail.Should().Contain("ollama pull qwen3");
    }
}
