using System.Runtime.CompilerServices;
using ChatBotKit.Prompting;
using ChatBotKit.Text;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI;

/// <summary>
/// A deterministic <see cref="IChatClient"/> for when no language model is configured or
/// reachable. Its replies depend only on the personality, the last viewer message and how many
/// viewer messages the prompt holds (so messages in a row get different replies), and say plainly
/// that they come from an offline stand-in.
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
            "Good to have you around, {0}. {1} is offline for now: real answers need a language model, and none is plugged in yet.",
            "{0}, I read you! Sadly {1} is offline today with no language model attached, so I can only wave back.",
            "Welcome back, {0}. Until someone connects a language model to {1}, this offline helper only has prewritten lines.",
        ],
        [PersonalityPreset.Professional] =
        [
            "Hello {0}. This is {1}'s offline stand-in; no language model is connected, so I cannot give a real answer yet.",
            "Thank you, {0}. {1} is currently running offline without a language model. A full reply will be possible once one is configured.",
            "Noted, {0}. {1} is offline: its answers require a configured language model, which is not available at present.",
            "Good day, {0}. {1} operates in offline mode for now; please expect a proper response once a language model is attached.",
            "{0}, your message was received. {1} is offline and can reply in full as soon as its language model is set up.",
            "Acknowledged, {0}. For the moment {1} runs offline and answers with fixed text only, since no language model is connected.",
        ],
        [PersonalityPreset.Humorous] =
        [
            "{0}, my brain is unplugged! I'm {1}'s offline stand-in, running on zero language models and pure vibes.",
            "Beep boop, {0}! {1}'s offline stand-in here. No language model connected, so my jokes are on vacation.",
            "Ah {0}, you caught {1} offline between brains. The language model went out for snacks and never came back.",
            "{0}, I'd love to answer, but {1} is offline and its thinking cap is still in the box. Somebody plug in a language model!",
            "Error 418, {0}: {1} is an offline teapot until a language model shows up. Steeping quietly in the meantime.",
            "Loading wit for {0}... please wait... forever, probably, because offline {1} has no language model to load it from.",
        ],
        [PersonalityPreset.Supportive] =
        [
            "You've got this, {0}! I'm {1}'s offline stand-in, so no language model is connected, but I'm cheering for you.",
            "Glad you're here, {0}! {1} is running offline without a language model right now, but your message is appreciated.",
            "Sending good energy your way, {0}. {1} is offline and can't chat properly without a language model, but you matter in this chat.",
            "{0}, thank you for saying hi! {1} is offline, still waiting for its language model, and still rooting for you.",
            "Keep shining, {0}. A real conversation with {1} comes once a language model is connected; until then, offline hugs in text form.",
            "So nice of you to stop by, {0}. {1} is offline with no language model for now, but every message like yours makes the stream better.",
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

    // The choice depends on the viewer, their message and how many viewer messages the prompt
    // holds, so messages in a row get different replies; it reads nothing that depends on timing
    // (such as which earlier replies had gone out), so a seeded replay repeats exactly.
    private string Reply(IEnumerable<ChatMessage> messages)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var last = list.LastOrDefault(m => m.Role == ChatRole.User);
        var viewer = last?.AuthorName ?? "chat";
        var viewerMessages = (uint)list.Count(m => m.Role == ChatRole.User);
        var templates = Templates[_preset];
        var template = templates[(StableHash.Of(viewer + "\n" + (last?.Text ?? "")) + viewerMessages) % (uint)templates.Length];
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, template, viewer, _botName);
    }
}
