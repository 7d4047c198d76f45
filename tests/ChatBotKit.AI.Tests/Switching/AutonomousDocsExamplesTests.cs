using ChatBotKit.AI.Switching;
using ChatBotKit.Prompting;
using ChatBotKit.Triggers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.AI.Tests.Switching;

/// <summary>The examples of the autonomous mode section of docs/vtuber.md, compiled and checked without a server.</summary>
public sealed class AutonomousDocsExamplesTests
{
    private static readonly ILogger Log = NullLogger.Instance;

    [Fact]
    public void TriggerAndMoodExamples_BuildOneScaleOfPriorities()
    {
        var builder = new ChatBotBuilder("kit");
        builder.OnMilestone("follow", [10, 25, 50, 100], "new followers")
           .OnFollow()
           .OnRaid(minViewers: 5, instruction: "Welcome the raiders and ask what they were watching.")
           .OnCheer(minBits: 100)
           .OnMention()
           .OnIdleChatter(TimeSpan.FromMinutes(10), ["the game on stream", "favourite snacks", "weekend plans"]);
        var mood = new BotMood();
        builder.WithMood(mood);
        mood.Nudge(new Mood(Cheer: 0.5, Energy: 0.2));

        var bot = builder.Build();

        bot.Triggers.Select(t => (t.Name, t.Policy.Priority)).Should().Equal(
            ("milestone", ReplyPriority.Event), ("follow", ReplyPriority.Event), ("raid", ReplyPriority.Event),
            ("cheer", ReplyPriority.Event), ("mention", ReplyPriority.Chat), ("idle-chatter", ReplyPriority.Idle));
        bot.Observers.Should().Equal(mood, (ChatBotKit.Events.IChatEventObserver)bot.Triggers[0]);
        mood.Current.Emotion.Should().Be("happy");
    }

    [Fact]
    public void ModeSwitchExample_BuildsThreeModesAndTheCommand()
    {
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", "test-dummy-key");
        var builder = new ChatBotBuilder("kit");

        var llm = new ModeSwitchingChatClient(
            [
                new("api", LlmClient.Create(LlmPreset.OpenAI, "gpt-4o-mini")),
                new("local", LlmClient.Create(LlmPreset.Ollama, "llama3.2")),
                new("offline", new OfflineChatClient("kit")),
            ],
            modeTimeout: TimeSpan.FromSeconds(20),
            logger: Log);
        builder.UseChatClient(llm).OnLlmModeCommand(llm);
#pragma warning disable CA1848, CA1873 // the line as a script writes it; scripts log this way
        llm.ModeChanged += (_, change) => Log.LogInformation("LLM {From} -> {To} ({Reason})", change.From, change.To, change.Reason);
#pragma warning restore CA1848, CA1873

        using (llm)
        {
            var bot = builder.Build();
            bot.Triggers.Should().ContainSingle().Which.Name.Should().Be("llm");
            llm.Modes.Select(m => m.Name).Should().Equal("api", "local", "offline");
            llm.CurrentMode.Should().Be("api");
        }
    }
}
