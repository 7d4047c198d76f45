namespace ChatBotKit.AI;

/// <summary>The API a server speaks, which decides the SDK <see cref="LlmClient"/> uses for it.</summary>
public enum LlmProtocol
{
    /// <summary>OpenAI's chat completions API (OpenAI, LM Studio, Lemonade, vLLM, llama.cpp), through Microsoft.Extensions.AI.OpenAI.</summary>
    OpenAICompatible,

    /// <summary>Ollama's native API (<c>/api/chat</c>, <c>/api/tags</c>), through OllamaSharp.</summary>
    Ollama,

    /// <summary>Anthropic's Messages API (<c>/v1/messages</c>), through the official Anthropic SDK.</summary>
    Anthropic,
}
