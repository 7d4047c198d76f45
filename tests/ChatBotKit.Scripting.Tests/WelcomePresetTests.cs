using System.Runtime.CompilerServices;
using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Time;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Scripting.Tests;

/// <summary>preset:welcome on the events a platform delivers: a first message, a follow and a raid, with the default limits.</summary>
[Collection(SharedCompiler.Name)]
public sealed class WelcomePresetTests(CompilerFixture fixture) : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 20, 0, 0, TimeSpan.Zero);
    private readonly ScriptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Welcome_GreetsAFirstMessageThanksAFollowerAndGreetsARaid_AndIgnoresOrdinaryChat()
    {
        var script = _folder.Write("bot.csx", "#load \"preset:welcome\"\nBot.WithName(\"kit\");\n");
        using var generation = await fixture.Host().LoadAsync(script);
        ChatEvent[] events =
        [
            new MessageReceived { User = ChatUser.Named("Ann"), Text = "hello!", IsFirstMessage = true, Platform = ChatPlatform.Twitch, Channel = "c", Timestamp = Start },
            new MessageReceived { User = ChatUser.Named("Ann"), Text = "how is everyone", Platform = ChatPlatform.Twitch, Channel = "c", Timestamp = Start.AddSeconds(30) },
            new UserFollowed { User = ChatUser.Named("Ben"), Platform = ChatPlatform.Twitch, Channel = "c", Timestamp = Start.AddSeconds(40) },
            new ChannelRaided { Raider = ChatUser.Named("BigStreamer"), ViewerCount = 42, Platform = ChatPlatform.Twitch, Channel = "c", Timestamp = Start.AddSeconds(100) },
        ];
        var clock = new VirtualClock(Start);
        await using var source = new ScriptedSource(events, clock);
        await using var engine = new ChatBotEngine(generation.Definition, new ChatBotEngineOptions { TimeProvider = clock, RandomSeed = 1, ProcessSequentially = true });

        await new ChatSourceRunner(engine).RunAsync([source]);

        source.Sent.Should().Equal(
            "Welcome to the chat, Ann! 👋",
            "Thanks for the follow, Ben! 💜",
            "🎉 Welcome, raiders! Thank you BigStreamer for bringing 42 friends along!");
    }

    /// <summary>Delivers the given events, moving the clock to each one's time, and keeps what the bot sends.</summary>
    private sealed class ScriptedSource(IReadOnlyList<ChatEvent> events, VirtualClock clock)
        : ChatSourceBase(ChatPlatform.Twitch, PlatformLimits.Default, NullLogger.Instance)
    {
        public List<string> Sent { get; } = [];

        protected override async IAsyncEnumerable<ChatEvent> ReadEventsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var chatEvent in events)
            {
                clock.AdvanceTo(chatEvent.Timestamp);
                yield return chatEvent;
                await Task.Yield();
            }
        }

        protected override ValueTask<SendResult> SendCoreAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message.Text);
            return ValueTask.FromResult(SendResult.Sent);
        }
    }
}
