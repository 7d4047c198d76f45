using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Pipeline;
using ChatBotKit.Speech.Tests.Fakes;
using ChatBotKit.Triggers;

namespace ChatBotKit.Speech.Tests;

public class SpeechBotBuilderExtensionsTests
{
    [Fact]
    public async Task WithSpeech_GivesTheBotASpeechPipelineAsItsSpeaker()
    {
        SpeechPipeline? seen = null;

        var definition = new ChatBotBuilder("kit").WithSpeech(new ToneSpeechClient(), new InMemoryAudioSink(), pipeline: p => seen = p).Build();

        definition.Speaker.Should().BeOfType<SpeechPipeline>().And.BeSameAs(seen);
        await seen!.DisposeAsync();
    }

    [Fact]
    public async Task OnStopSpeaking_AddsAModeratorCommandThatSilencesTheVoice()
    {
        var sink = new InMemoryAudioSink(playsInRealTime: true);
        var tts = new ToneSpeechClient(TimeSpan.FromSeconds(30));
        var builder = new ChatBotBuilder("kit").WithSpeech(tts, sink).OnStopSpeaking();
        var pipeline = (SpeechPipeline)builder.Speaker!;
        var speaking = pipeline.SpeakAsync(Phrases.Request(), Phrases.Of("tone 1"));
        await Wait.UntilAsync(() => sink.CurrentSamples > 0);

        var stop = builder.Triggers.OfType<CommandTrigger>().Should().ContainSingle().Subject;
        stop.Command.Should().Be("stop");
        stop.RequiredRoles.Should().Be(Events.ChatRoles.Moderator | Events.ChatRoles.Broadcaster);
        (await stop.Handler!(null!, CancellationToken.None)).Should().BeNull("the command answers nothing in chat");

        (await speaking.WaitAsync(TimeSpan.FromSeconds(20))).Interrupted.Should().BeTrue();
        await pipeline.DisposeAsync();
    }
}
