using System.Text.Json;

namespace ChatBotKit.AI.Tests.Server;

/// <summary>Canned OpenAI wire bodies.</summary>
public static class FakeResponses
{
    public const int PromptTokens = 12;
    public const int CompletionTokens = 7;

    public static string Completion(string model, string text) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-1",
        @object = "chat.completion",
        created = 1767225600,
        model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
        usage = new { prompt_tokens = PromptTokens, completion_tokens = CompletionTokens, total_tokens = PromptTokens + CompletionTokens },
    });

    public static string Chunk(string model, string? text, string? finishReason) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-1",
        @object = "chat.completion.chunk",
        created = 1767225600,
        model,
        choices = new[]
        {
            new
            {
                index = 0,
                delta = text is null ? (object)new { } : new { role = "assistant", content = text },
                finish_reason = finishReason,
            },
        },
    });

    public static string UsageChunk(string model) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-1",
        @object = "chat.completion.chunk",
        created = 1767225600,
        model,
        choices = Array.Empty<object>(),
        usage = new { prompt_tokens = PromptTokens, completion_tokens = CompletionTokens, total_tokens = PromptTokens + CompletionTokens },
    });

    public static string Event(string json) => "data: " + json + "\n\n";
}
