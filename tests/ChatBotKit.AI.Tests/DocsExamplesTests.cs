using ChatBotKit.AI.Policies;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Tests;

/// <summary>The examples in docs/llm-backends.md, compiled and checked without a server.</summary>
public sealed class DocsExamplesTests
{
    [Fact]
    public void PresetExamples_BuildBotsPointingAtEachDefaultUrl()
    {
        var clients = new[]
        {
            new OpenAICompatibleChatClient(LlmPreset.Ollama, "llama3.2"),
            new OpenAICompatibleChatClient(LlmPreset.LMStudio, "qwen2.5-7b-instruct"),
            new OpenAICompatibleChatClient(LlmPreset.Lemonade, "Qwen3-0.6B-GGUF"),
        };

        foreach (var client in clients)
        {
            var bot = new ChatBotBuilder("kit").UseChatClient(client).OnMention().Build();
            bot.ChatClient!.GetService<ChatClientMetadata>()!.ProviderUri.Should().Be(client.Options.BaseUrl);
        }

        clients.Select(c => c.Options.BaseUrl.Port).Should().Equal(11434, 1234, 13305);
    }

    [Fact]
    public void PolicyExample_StacksInTheDocumentedOrder()
    {
        var llm = new OpenAICompatibleChatClient(LlmPreset.Ollama, "llama3.2").WithPolicies(p => p
            .WithTimeout(TimeSpan.FromSeconds(20))
            .WithRetry(new RetryPolicyOptions { MaxRetries = 2 })
            .WithConcurrencyLimit(2)
            .WithFallback(new OfflineChatClient("kit"))
            .WithMetrics());

        var chain = new List<Type>();
        for (IChatClient? c = llm; c is not null; c = (c as DelegatingChatClient)?.GetType().GetProperty("InnerClient", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(c) as IChatClient)
        {
            chain.Add(c.GetType());
        }

        chain.Should().Equal(typeof(MetricsChatClient), typeof(FallbackChatClient), typeof(RetryChatClient), typeof(TimeoutChatClient), typeof(ConcurrencyLimitChatClient), typeof(OpenAICompatibleChatClient));
    }

    [Fact]
    public void RemoteExample_OverridesTheBaseUrl()
    {
        using var remote = new OpenAICompatibleChatClient(LlmPreset.Ollama.ToOptions("llama3.2") with { BaseUrl = new Uri("http://gpu-box:11434/v1") });

        remote.Options.BaseUrl.Host.Should().Be("gpu-box");
        remote.Options.ProviderName.Should().Be("ollama");
    }
}
