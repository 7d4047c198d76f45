using System.Runtime.CompilerServices;
using ChatBotKit.Prompting;
using ChatBotKit.Text;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI;

/// <summary>
/// A deterministic <see cref="IChatClient"/> for when no language model is configured or
/// reachable. Its replies depend only on the personality and the last viewer message, and say
/// plainly that they come from an offline stand-in.
/// </summary>
public sealed class OfflineChatClient : IChatClient
{
    private static readonly Dictionary<PersonalityPreset, string[]> Templates = new()
    {
        [PersonalityPreset.Friendly] =
        [
            "Hey {0}! I'm {1}'s offline stand-in: no language model is connected right now, but it's great to see you here!",
            "Hi {0}! {1} is running offline without a language model at the moment, so this is a canned hello. Enjoy the stream!",
            "Thanks for the message, {0}! I'm {1}'s offline stand-in and can't really chat until a language model is connected.",
        ],
        [PersonalityPreset.Professional] =
        [
            "Hello {0}. This is {1}'s offline stand-in; no language model is connected, so I cannot give a real answer yet.",
            "Thank you, {0}. {1} is currently running offline without a language model. A full reply will be possible once one is configured.",
        ],
        [PersonalityPreset.Humorous] =
        [
            "{0}, my brain is unplugged! I'm {1}'s offline stand-in, running on zero language models and pure vibes.",
            "Beep boop, {0}! {1}'s offline stand-in here. No language model connected, so my jokes are on vacation.",
        ],
        [PersonalityPreset.Supportive] =
        [
            "You've got this, {0}! I'm {1}'s offline stand-in, so no language model is connected, but I'm cheering for you.",
            "Glad you're here, {0}! {1} is running offline without a language model right now, but your message is appreciated.",
        ],
    };

    private readonly string _botName;
    private readonly PersonalityPreset _preset;

    /// <summary>Creates the responder for a bot.</summary>
    public OfflineChatClient(string botName, Personality? personality = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botName);
        _botName = botName;
        _preset = (personality ?? Personality.Friendly).Preset;
    }

    /// <summary>Metadata naming this client.</summary>
    public ChatClientMetadata Metadata { get; } = new("chatbotkit-offline", null, "offline");

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var reply = new ChatMessage(ChatRole.Assistant, Reply(messages)) { AuthorName = _botName };
        return Task.FromResult(new ChatResponse(reply) { ModelId = "offline", FinishReason = ChatFinishReason.Stop });
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private string Reply(IEnumerable<ChatMessage> messages)
    {
        var last = messages.LastOrDefault(m => m.Role == ChatRole.User);
        var viewer = last?.AuthorName ?? "chat";
        var templates = Templates[_preset];
        var template = templates[StableHash.Of(last?.Text ?? "") % (uint)templates.Length];
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, template, viewer, _botName);
    }

}
