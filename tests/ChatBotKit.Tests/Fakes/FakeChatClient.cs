using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Tests.Fakes;

/// <summary>A scriptable LLM: answers with <see cref="Respond"/> and records every request.</summary>
public sealed class FakeChatClient : IChatClient
{
    private readonly ConcurrentQueue<IReadOnlyList<ChatMessage>> _requests = new();
    private readonly ConcurrentQueue<ChatOptions?> _options = new();

    public FakeChatClient(string reply = "hello there")
        : this((_, _) => Task.FromResult(reply))
    {
    }

    public FakeChatClient(Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<string>> respond) => Respond = respond;

    public Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<string>> Respond { get; set; }

    public IReadOnlyList<IReadOnlyList<ChatMessage>> Requests => [.. _requests];

    public IReadOnlyList<ChatOptions?> Options => [.. _options];

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        _requests.Enqueue(list);
        _options.Enqueue(options);
        var text = await Respond(list, cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
