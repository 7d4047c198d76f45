using ChatBotKit.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Tests;

/// <summary>Clients pointed at a fake server, with a dummy key set in-process.</summary>
public static class TestClients
{
    public const string KeyVariable = "CHATBOTKIT_TEST_LLM_KEY";
    public const string DummyKey = "test-dummy-key";

    public static LlmOptions Options(FakeOpenAIServer server, string model = "llama3.2")
    {
        Environment.SetEnvironmentVariable(KeyVariable, DummyKey);
        return new LlmOptions { BaseUrl = server.BaseUrl, Model = model, ApiKeyVariable = KeyVariable, ProviderName = "fake" };
    }

    public static IChatClient Client(FakeOpenAIServer server, string model = "llama3.2") => LlmClient.Create(Options(server, model));
}
