using ChatBotKit.Controls;
using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Pipeline;
using ChatBotKit.Speech.Tests.Fakes;

namespace ChatBotKit.Speech.Tests;

/// <summary>The voice's panel on the dashboard: the speech queue and the Interrupt button.</summary>
public class SpeechControlPanelTests
{
    [Fact]
    public async Task WithSpeech_Panel_ShowsTheUtteranceBeingSpokenAndInterruptSilencesIt()
    {
        var sink = new InMemoryAudioSink(playsInRealTime: true);
        var builder = new ChatBotBuilder("kit").WithSpeech(new ToneSpeechClient(TimeSpan.FromSeconds(30)), sink);
        var pipeline = (SpeechPipeline)builder.Speaker!;
        var panel = builder.ControlPanels.Should().ContainSingle().Subject;
        var speaking = pipeline.SpeakAsync(Phrases.Request(), Phrases.Of("tone 1"));
        await Wait.UntilAsync(() => panel.Describe().Lines.Any(l => l.Label == "Speaking"));

        var during = panel.Describe();
        var answer = await panel.InvokeAsync("interrupt");
        var spoken = await speaking.WaitAsync(TimeSpan.FromSeconds(20));
        await Wait.UntilAsync(() => panel.Describe().Lines.Any(l => l.Label == "Cut off"));

        panel.Title.Should().Be("Voice");
        during.Lines.Should().Contain(l => l.Label == "Speaking" && l.Value.StartsWith("tone 1", StringComparison.Ordinal));
        during.Actions.Should().Equal(new ControlAction("interrupt", "Interrupt"));
        answer.Should().Be("Interrupted; 1 replies stopped.");
        spoken.Interrupted.Should().BeTrue();
        panel.Describe().Lines.Should().Contain(new ControlPanelLine("Queue", "silent"));
        (await panel.InvokeAsync("shout")).Should().Be("The voice has no action 'shout'.");
        await pipeline.DisposeAsync();
    }
}
