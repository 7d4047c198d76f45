using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Tests.Fakes;

/// <summary>
/// An LLM that streams exactly what the test tells it to: each call becomes a <see cref="ScriptedCall"/>
/// that the test takes with <see cref="NextCallAsync"/> and feeds token by token, ends or fails.
/// </summary>
public sealed class StreamingChatClient : IChatClient
{
    private readonly Channel<ScriptedCall> _calls = Channel.CreateUnbounded<ScriptedCall>();

    /// <summary>The engine's next streaming call.</summary>
    public async Task<ScriptedCall> NextCallAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _calls.Reader.ReadAsync(timeout.Token);
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The engine made a plain call to a client that streams.");

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var call = new ScriptedCall([.. messages], cancellationToken);
        _calls.Writer.TryWrite(call);
        await foreach (var token in call.Tokens.ReadAllAsync(cancellationToken))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, token);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

/// <summary>One streaming call: what the engine asked, and the tokens the test sends back.</summary>
public sealed class ScriptedCall(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
{
    private readonly Channel<string> _tokens = Channel.CreateUnbounded<string>();

    public IReadOnlyList<ChatMessage> Messages { get; } = messages;

    /// <summary>Whether the engine stopped listening (cancelled the call).</summary>
    public CancellationToken Cancellation { get; } = cancellationToken;

    internal ChannelReader<string> Tokens => _tokens.Reader;

    public void Send(params string[] tokens)
    {
        foreach (var token in tokens)
        {
            _tokens.Writer.TryWrite(token);
        }
    }

    public void End() => _tokens.Writer.TryComplete();

    public void Fail(Exception error) => _tokens.Writer.TryComplete(error);
}
