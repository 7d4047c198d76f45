using ChatBotKit.AI.Tests.Server;

namespace ChatBotKit.AI.Tests;

public sealed class LlmPresetAndProbeTests : ServerTestBase
{
    [Theory]
    [InlineData("ollama", LlmProtocol.Ollama, "http://localhost:11434", false)]
    [InlineData("LMStudio", LlmProtocol.OpenAICompatible, "http://localhost:1234/v1", false)]
    [InlineData("lemonade", LlmProtocol.OpenAICompatible, "http://localhost:13305/api/v1", false)]
    [InlineData("openai", LlmProtocol.OpenAICompatible, "https://api.openai.com/v1", true)]
    [InlineData("anthropic", LlmProtocol.Anthropic, "https://api.anthropic.com", true)]
    public void Find_KnownPreset_HasProtocolAndDefaultBaseUrl(string name, LlmProtocol protocol, string url, bool requiresKey)
    {
        var preset = LlmPreset.Find(name)!;

        preset.Protocol.Should().Be(protocol);
        preset.ToOptions("m").Protocol.Should().Be(protocol);
        preset.BaseUrl.Should().Be(new Uri(url));
        preset.RequireApiKey.Should().Be(requiresKey);
        preset.ToOptions("m").BaseUrl.Should().Be(new Uri(url));
    }

    [Fact]
    public async Task CheckAsync_ModelListed_IsReady()
    {
        Server.Models = ["qwen3", "llama3.2"];

        var report = await LlmHealthProbe.CheckAsync(TestClients.Options(Server, "llama3.2"));

        report.Status.Should().Be(LlmHealthStatus.Ready);
        report.Models.Should().Equal("qwen3", "llama3.2");
        Server.Requests.Single().Path.Should().Be("/v1/models");
    }

    [Fact]
    public async Task CheckAsync_ModelNotListed_IsModelMissing()
    {
        var report = await LlmHealthProbe.CheckAsync(TestClients.Options(Server, "mistral"));

        report.Status.Should().Be(LlmHealthStatus.ModelMissing);
        report.Detail.Should().Be($"model 'mistral' not found at {Server.BaseUrl}");
    }

    [Fact]
    public async Task CheckAsync_NothingListening_IsUnreachable()
    {
        var options = new LlmOptions { BaseUrl = new Uri($"http://127.0.0.1:{FaultTests.FreePort()}/v1"), Model = "m" };

        var report = await LlmHealthProbe.CheckAsync(options);

        report.Status.Should().Be(LlmHealthStatus.Unreachable);
    }
}
