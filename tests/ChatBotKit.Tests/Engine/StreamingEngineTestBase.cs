using ChatBotKit.Tests.Fakes;
using Microsoft.Extensions.AI;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

/// <summary>Engine tests whose LLM streams what the test scripts (<see cref="Model"/>).</summary>
public abstract class StreamingEngineTestBase : EngineTestBase
{
    protected StreamingChatClient Model { get; } = new();

    /// <summary>A bot named kit with the scripted model and no rate limits.</summary>
    protected ChatBotBuilder StreamingBot() =>
        new ChatBotBuilder("kit").UseChatClient(Model).WithRateLimits(ChatBotKit.RateLimiting.RateLimitPolicy.Unlimited);

    /// <summary>Mentions the bot as <paramref name="user"/>, lets the model stream <paramref name="tokens"/> in full and waits for the reply to finish.</summary>
    protected async Task<ScriptedCall> ReplyAsync(ChatBotKit.Engine.ChatBotEngine engine, string user, params string[] tokens)
    {
        engine.Post(Message(user, "kit, say something"), Source);
        var call = await Model.NextCallAsync();
        call.Send(tokens);
        call.End();
        await engine.WhenIdleAsync();
        return call;
    }

    /// <summary>Asks the bot once more and returns the conversation the model is given.</summary>
    protected async Task<IReadOnlyList<ChatMessage>> NextPromptAsync(ChatBotKit.Engine.ChatBotEngine engine) =>
        (await ReplyAsync(engine, "z")).Messages;
}
