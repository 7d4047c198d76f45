using Microsoft.Extensions.AI;
using OAI = OpenAI.Chat;

namespace ChatBotKit.AI;

/// <summary>Maps between Microsoft.Extensions.AI chat types and the OpenAI SDK's.</summary>
internal static class ChatMapping
{
    public static List<OAI.ChatMessage> ToOpenAI(IEnumerable<ChatMessage> messages)
    {
        var result = new List<OAI.ChatMessage>();
        foreach (var message in messages)
        {
            var text = message.Text;
            OAI.ChatMessage mapped = message.Role == ChatRole.System ? new OAI.SystemChatMessage(text) { ParticipantName = message.AuthorName }
                : message.Role == ChatRole.Assistant ? new OAI.AssistantChatMessage(text) { ParticipantName = message.AuthorName }
                : message.Role == ChatRole.User ? new OAI.UserChatMessage(text) { ParticipantName = message.AuthorName }
                : throw new NotSupportedException($"chat role '{message.Role}' is not supported by the OpenAI-compatible client");
            result.Add(mapped);
        }

        return result;
    }

    public static OAI.ChatCompletionOptions ToOpenAI(ChatOptions? options)
    {
        var result = new OAI.ChatCompletionOptions();
        if (options is null)
        {
            return result;
        }

        result.MaxOutputTokenCount = options.MaxOutputTokens;
        result.Temperature = options.Temperature;
        result.TopP = options.TopP;
        result.FrequencyPenalty = options.FrequencyPenalty;
        result.PresencePenalty = options.PresencePenalty;
        if (options.StopSequences is { } stops)
        {
            foreach (var stop in stops)
            {
                result.StopSequences.Add(stop);
            }
        }

        return result;
    }

    public static ChatResponse FromOpenAI(OAI.ChatCompletion completion)
    {
        var text = string.Concat(completion.Content.Select(p => p.Text));
        var message = new ChatMessage(ChatRole.Assistant, text) { RawRepresentation = completion };
        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = FromOpenAI(completion.FinishReason),
            Usage = FromOpenAI(completion.Usage),
            RawRepresentation = completion,
        };
    }

    private static ChatFinishReason FromOpenAI(OAI.ChatFinishReason reason) => reason switch
    {
        OAI.ChatFinishReason.Stop => ChatFinishReason.Stop,
        OAI.ChatFinishReason.Length => ChatFinishReason.Length,
        OAI.ChatFinishReason.ContentFilter => ChatFinishReason.ContentFilter,
        OAI.ChatFinishReason.ToolCalls or OAI.ChatFinishReason.FunctionCall => ChatFinishReason.ToolCalls,
        _ => new ChatFinishReason(reason.ToString()),
    };

    private static UsageDetails? FromOpenAI(OAI.ChatTokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
    };
}
