using System.Runtime.CompilerServices;
using ChatBotKit.Time;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Tests.Fakes;

/// <summary>
/// An LLM that streams a fixed reply on a virtual clock: before each token it moves the clock on by
/// that token's delay, so the engine sees each token arrive at a known time.
/// </summary>
public sealed class PacedChatClient(VirtualClock clock, params (TimeSpan Delay, string Token)[] tokens) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The engine made a plain call to a client that streams.");

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var (delay, token) in tokens)
        {
            cancellationToken.ThrowIfCancellationRequested();
            clock.Advance(delay);
            yield return new ChatResponseUpdate(ChatRole.Assistant, token);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
