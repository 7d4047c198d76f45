using ChatBotKit.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Tests;

public sealed class OpenAICompatibleBackendTests : ServerTestBase
{
    private static List<ChatMessage> Conversation() =>
    [
        new(ChatRole.System, "You are kit."),
        new(ChatRole.User, "hi kit") { AuthorName = "alice" },
        new(ChatRole.Assistant, "hello alice") { AuthorName = "kit" },
        new(ChatRole.User, "how are you?") { AuthorName = "bob" },
    ];

    [Fact]
    public async Task GetResponseAsync_SendsRolesNamesMaxTokensAndNoStreamFlag()
    {
        using var client = TestClients.Client(Server);

        await client.GetResponseAsync(Conversation(), new ChatOptions { MaxOutputTokens = 64, Temperature = 0.5f });

        var request = Server.Requests.Single();
        request.Path.Should().Be("/v1/chat/completions");
        request.Authorization.Should().Be("Bearer " + TestClients.DummyKey);
        var json = request.Json;
        json["model"]!.GetValue<string>().Should().Be("llama3.2");
        json["stream"].Should().BeNull();
        json["temperature"]!.GetValue<double>().Should().BeApproximately(0.5, 1e-6);
        var maxTokens = json["max_completion_tokens"] ?? json["max_tokens"];
        maxTokens!.GetValue<int>().Should().Be(64);
        var messages = json["messages"]!.AsArray();
        messages.Select(m => m!["role"]!.GetValue<string>()).Should().Equal("system", "user", "assistant", "user");
        messages.Select(m => m!["name"]?.GetValue<string>()).Should().Equal(null, "alice", "kit", "bob");
        messages.Select(m => TextOf(m!["content"]!)).Should().Equal("You are kit.", "hi kit", "hello alice", "how are you?");
    }

    [Fact]
    public async Task GetResponseAsync_MapsTextUsageAndFinishReason()
    {
        Server.Reply = "I'm fine, thanks!";
        using var client = TestClients.Client(Server);

        var response = await client.GetResponseAsync(Conversation());

        response.Text.Should().Be("I'm fine, thanks!");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.ModelId.Should().Be("llama3.2");
        response.Usage!.InputTokenCount.Should().Be(FakeResponses.PromptTokens);
        response.Usage.OutputTokenCount.Should().Be(FakeResponses.CompletionTokens);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SendsStreamFlagAndYieldsTokensUsageAndFinish()
    {
        using var client = TestClients.Client(Server);

        var updates = await client.GetStreamingResponseAsync(Conversation(), new ChatOptions { MaxOutputTokens = 32 }).ToListAsync();

        var json = Server.Requests.Single().Json;
        json["stream"]!.GetValue<bool>().Should().BeTrue();
        json["stream_options"]!["include_usage"]!.GetValue<bool>().Should().BeTrue();
        (json["max_completion_tokens"] ?? json["max_tokens"])!.GetValue<int>().Should().Be(32);
        updates.Where(u => u.Text.Length > 0).Select(u => u.Text).Should().Equal(Server.StreamTokens);
        updates.Select(u => u.FinishReason).Should().Contain(ChatFinishReason.Stop);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single().Details;
        usage.InputTokenCount.Should().Be(FakeResponses.PromptTokens);
        usage.OutputTokenCount.Should().Be(FakeResponses.CompletionTokens);
    }

    [Fact]
    public void Create_RequiredKeyMissing_NamesTheVariable()
    {
        var options = TestClients.Options(Server) with { ApiKeyVariable = "CHATBOTKIT_TEST_UNSET_KEY_VARIABLE", RequireApiKey = true };

        var act = () => LlmClient.Create(options);

        act.Should().Throw<ChatBotConfigurationException>().WithMessage("*CHATBOTKIT_TEST_UNSET_KEY_VARIABLE*");
    }

    [Fact]
    public async Task GetResponseAsync_LocalServerWithoutKey_Works()
    {
        using var client = LlmClient.Create(new LlmOptions { BaseUrl = Server.BaseUrl, Model = "llama3.2" });

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

        response.Text.Should().Be(Server.Reply);
        Server.Requests.Single().Authorization.Should().NotContain(TestClients.DummyKey);
    }

    [Fact]
    public void GetService_ReturnsMetadataWithBaseUrlAndModel()
    {
        using var client = TestClients.Client(Server, "qwen3");

        var metadata = client.GetService<ChatClientMetadata>()!;

        metadata.ProviderUri.Should().Be(Server.BaseUrl);
        metadata.DefaultModelId.Should().Be("qwen3");
    }

    private static string TextOf(System.Text.Json.Nodes.JsonNode content) =>
        content is System.Text.Json.Nodes.JsonArray parts
            ? string.Concat(parts.Select(p => p!["text"]!.GetValue<string>()))
            : content.GetValue<string>();
}
