using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Pipeline;
using ChatBotKit.Speech.Tests.Fakes;
using ChatBotKit.Triggers;

namespace ChatBotKit.Speech.Tests.Pipeline;

/// <summary>The one priority rule of autonomous mode, on the voice: a reply to chat cuts idle chatter short but not the thanks for a raid.</summary>
public sealed class ReplyPriorityScaleTests : IAsyncLifetime
{
    private readonly PacedClock _clock = new();
    private readonly InMemoryAudioSink _sink = new(playsInRealTime: true);
    private readonly SpeechPipeline _pipeline;

    public ReplyPriorityScaleTests() => _pipeline = new SpeechPipeline(new ToneSpeechClient(TimeSpan.FromSeconds(1)), _sink, timeProvider: _clock);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    [Fact]
    public async Task ChatReply_WhileIdleChatterIsSpoken_InterruptsIt()
    {
        var idle = _pipeline.SpeakAsync(Phrases.Request(ReplyPriority.Idle, "idle"), Phrases.Of("tone 1", "tone 2"));
        await _clock.PlayUntilAsync(TimeSpan.FromMilliseconds(500));

        var chat = _pipeline.SpeakAsync(Phrases.Request(ReplyPriority.Chat, "chat"), Phrases.Of("tone 4"));

        (await idle.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(new SpokenReply("tone 1…", Interrupted: true));
        await _clock.PlayUntilAsync(TimeSpan.FromSeconds(3), chat);
        (await chat.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(new SpokenReply("tone 4", Interrupted: false));
    }

    [Fact]
    public async Task ChatReply_WhileRaidThanksAreSpoken_WaitsItsTurn()
    {
        var thanks = _pipeline.SpeakAsync(Phrases.Request(ReplyPriority.Event, "raid"), Phrases.Of("tone 1", "tone 2"));
        await _clock.PlayUntilAsync(TimeSpan.FromMilliseconds(500));

        var chat = _pipeline.SpeakAsync(Phrases.Request(ReplyPriority.Chat, "chat"), Phrases.Of("tone 4"));
        await _clock.PlayUntilAsync(TimeSpan.FromSeconds(5), chat);

        (await thanks.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(new SpokenReply("tone 1 tone 2", Interrupted: false));
        (await chat.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(new SpokenReply("tone 4", Interrupted: false));
        _sink.Utterances.Select(u => Math.Round(Tone.FrequencyOf(u.Samples, u.SampleRate) / 100)).Should().Equal(3, 4, 6);
    }
}
