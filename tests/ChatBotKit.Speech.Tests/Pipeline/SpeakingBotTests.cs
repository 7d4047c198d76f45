using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.RateLimiting;
using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Pipeline;
using ChatBotKit.Speech.Tests.Fakes;
using ChatBotKit.Speech.Tts;
using ChatBotKit.Testing;
using ChatBotKit.Tests.Fakes;
using Microsoft.Extensions.AI;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Speech.Tests.Pipeline;

/// <summary>
/// The whole way through: a model that streams, the engine, and a real <see cref="SpeechPipeline"/>
/// speaking with espeak-ng into memory.
/// </summary>
public sealed class SpeakingBotTests : IAsyncLifetime
{
    private readonly string _espeak = DebianPackage.EnsureInstalled("espeak-ng", "espeak-ng");
    private readonly StreamingChatClient _model = new();
    private readonly FakeChatSource _source = new();
    private readonly List<string> _started = [];
    private readonly TaskCompletionSource _firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SpeechPipeline? _pipeline;
    private ChatBotEngine? _engine;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }

        if (_pipeline is not null)
        {
            await _pipeline.DisposeAsync();
        }
    }

    [Fact]
    public async Task StreamedReply_IsSpokenPhraseByPhraseInOrderWhileTheModelWritesAndSentToChat()
    {
        var (engine, sink) = Start(playsInRealTime: false);

        engine.Post(Message("alice", "kit, which route?"), _source);
        var call = await _model.NextCallAsync();
        call.Send("Hello there", " chat!", " The blue");
        await _firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(20));
        _source.Sent.Should().BeEmpty("the chat message is not complete yet");
        call.Send(" route is faster", ", and", " it is shorter.");
        call.End();
        await engine.WhenIdleAsync();

        Started().Should().Equal("Hello there chat!", "The blue route is faster,", "and it is shorter.");
        sink.Utterances.Should().HaveCount(3).And.OnlyContain(u => u.SampleRate == 22050 && u.Duration > TimeSpan.FromMilliseconds(300));
        _source.Sent.Should().ContainSingle().Which.Text.Should().Be("Hello there chat! The blue route is faster, and it is shorter.");
        (await AssistantTurnsAsync(engine)).Should().Equal("Hello there chat! The blue route is faster, and it is shorter.");
    }

    [Fact]
    public async Task StopCommand_WhileTheFirstPhraseIsHeard_ContextKeepsOnlyWhatWasHeardEndingWithAnEllipsis()
    {
        var (engine, sink) = Start(playsInRealTime: true);

        engine.Post(Message("alice", "kit, tell me a story"), _source);
        var call = await _model.NextCallAsync();
        call.Send("Once upon a time there was a bot.");
        await _firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(20));
        engine.Post(Message("mod", "!stop", roles: ChatRoles.Moderator), _source);
        await Wait.UntilAsync(() => sink.Utterances.Count == 1);
        call.Send(" It spoke all day long.");
        call.End();
        await engine.WhenIdleAsync();

        Started().Should().Equal("Once upon a time there was a bot.");
        sink.Utterances.Should().ContainSingle("nothing is spoken after the stop");
        _source.Sent.Should().ContainSingle().Which.Text.Should().Be("Once upon a time there was a bot. It spoke all day long.");
        (await AssistantTurnsAsync(engine)).Should().Equal("Once upon a time there was a bot.…");
    }

    private (ChatBotEngine Engine, InMemoryAudioSink Sink) Start(bool playsInRealTime)
    {
        var sink = new InMemoryAudioSink(playsInRealTime);
        _pipeline = new SpeechPipeline(new EspeakTextToSpeechClient(new EspeakOptions { Program = _espeak }), sink);
        _pipeline.UtteranceStarted += (_, started) =>
        {
            lock (_started)
            {
                _started.Add(started.Text);
            }

            _firstStarted.TrySetResult();
        };
        var definition = new ChatBotBuilder("kit")
            .UseChatClient(_model)
            .WithRateLimits(RateLimitPolicy.Unlimited)
            .OnMention()
            .WithSpeech(_pipeline)
            .OnStopSpeaking()
            .Build();
        _engine = new ChatBotEngine(definition);
        return (_engine, sink);
    }

    private List<string> Started()
    {
        lock (_started)
        {
            return [.. _started];
        }
    }

    /// <summary>Mentions the bot once more and returns what the model is told the bot said before.</summary>
    private async Task<IEnumerable<string>> AssistantTurnsAsync(ChatBotEngine engine)
    {
        engine.Post(Message("bob", "kit, and then?"), _source);
        var call = await _model.NextCallAsync();
        call.End();
        await engine.WhenIdleAsync();
        return call.Messages.Where(m => m.Role == ChatRole.Assistant).Select(m => m.Text);
    }
}
