using ChatBotKit.AI.Backends;
using ChatBotKit.AI.Policies;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.AI.Tests;

/// <summary>The examples in docs/llm-backends.md, compiled and checked without a server.</summary>
public sealed class DocsExamplesTests
{
    [Fact]
    public void PresetExamples_BuildBotsPointingAtEachDefaultUrl()
    {
        Environment.SetEnvironmentVariable("ANTHROPIC_API_KEY", "test-dummy-key");
        var clients = new[]
        {
            LlmClient.Create(LlmPreset.Ollama, "llama3.2"),
            LlmClient.Create(LlmPreset.LMStudio, "qwen2.5-7b-instruct"),
            LlmClient.Create(LlmPreset.Lemonade, "Qwen3-0.6B-GGUF"),
            LlmClient.Create(LlmPreset.Anthropic, "claude-haiku-4-5"),
        };

        foreach (var client in clients)
        {
            var bot = new ChatBotBuilder("kit").UseChatClient(client).OnMention().Build();
            bot.ChatClient!.GetService<ChatClientMetadata>()!.ProviderUri.Should().Be(client.GetService<LlmOptions>()!.BaseUrl);
        }

        clients.Select(c => c.GetService<LlmOptions>()!.BaseUrl.Port).Should().Equal(11434, 1234, 13305, 443);
    }

    [Fact]
    public void PipelineExample_StacksInTheOrderWritten()
    {
        var llm = LlmClient.Create(LlmPreset.Ollama, "llama3.2").AsBuilder()
            .UseMetrics()
            .UseFallback(new OfflineChatClient("kit"))
            .UseRetry(new RetryPolicyOptions { MaxRetries = 2 })
            .UseTimeout(TimeSpan.FromSeconds(20))
            .UseConcurrencyLimit(2)
            .Build();

        var chain = new List<Type>();
        for (IChatClient? c = llm; c is not null; c = (c as DelegatingChatClient)?.GetType().GetProperty("InnerClient", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(c) as IChatClient)
        {
            chain.Add(c.GetType());
        }

        chain.Take(6).Should().Equal(typeof(MetricsChatClient), typeof(FallbackChatClient), typeof(RetryChatClient), typeof(TimeoutChatClient), typeof(ConcurrencyLimitChatClient), typeof(LlmBackendChatClient));
    }

    [Fact]
    public void PipelineExample_WithLoggingAndOpenTelemetry_Builds()
    {
        using var factory = LoggerFactory.Create(_ => { });

        using var llm = Pipeline(factory);

        llm.GetService<LlmMetrics>().Should().NotBeNull();
        llm.GetService<OpenTelemetryChatClient>().Should().NotBeNull();
        llm.GetService<LoggingChatClient>().Should().NotBeNull();
    }

    [Fact]
    public void RemoteExample_OverridesTheBaseUrlAndOllamaSettings()
    {
        var options = LlmPreset.Ollama.ToOptions("llama3.2") with
        {
            BaseUrl = new Uri("http://gpu-box:11434"),
            ContextSize = 8192,
            KeepAlive = TimeSpan.FromMinutes(30),
        };
        using var remote = LlmClient.Create(options);

        remote.GetService<LlmOptions>()!.BaseUrl.Host.Should().Be("gpu-box");
        remote.GetService<ChatClientMetadata>()!.ProviderName.Should().Be("ollama");
    }

    // As in docs/llm-backends.md, "Pipeline".
    private static IChatClient Pipeline(ILoggerFactory loggerFactory) => LlmClient.Create(LlmPreset.Ollama, "llama3.2").AsBuilder()
        .UseLogging(loggerFactory)
        .UseOpenTelemetry()
        .UseMetrics()
        .UseFallback(new OfflineChatClient("kit"))
        .UseRetry(new RetryPolicyOptions { MaxRetries = 2 })
        .UseTimeout(TimeSpan.FromSeconds(20))
        .UseConcurrencyLimit(2)
        .Build();
}
