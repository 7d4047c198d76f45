using ChatBotKit.AI.Tests.Server;

namespace ChatBotKit.AI.Tests;

/// <summary>Clients pointed at a fake server, with a dummy key set in-process.</summary>
public static class TestClients
{
    public const string KeyVariable = "CHATBOTKIT_TEST_LLM_KEY";
    public const string DummyKey = "test-dummy-key";

    public static OpenAICompatibleOptions Options(FakeOpenAIServer server, string model = "llama3.2")
    {
        Environment.SetEnvironmentVariable(KeyVariable, DummyKey);
        return new OpenAICompatibleOptions { BaseUrl = server.BaseUrl, Model = model, ApiKeyVariable = KeyVariable, ProviderName = "fake" };
    }

    public static OpenAICompatibleChatClient Client(FakeOpenAIServer server, string model = "llama3.2") => new(Options(server, model));
}
