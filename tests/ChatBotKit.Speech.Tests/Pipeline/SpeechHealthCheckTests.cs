using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Health;
using ChatBotKit.Speech.Pipeline;
using ChatBotKit.Speech.Tests.Fakes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBotKit.Speech.Tests.Pipeline;

public sealed class SpeechHealthCheckTests : IAsyncLifetime
{
    private readonly SpeechPipeline _pipeline = new(new ToneSpeechClient(), new InMemoryAudioSink());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    [Fact]
    public async Task CheckHealthAsync_TooFewPhrases_IsHealthyAtLevelUnknown()
    {
        await _pipeline.SpeakAsync(Phrases.Request(), Phrases.Of("tone 1", "tone 2"));

        var result = await CheckAsync(HealthStatus.Degraded);

        result.Status.Should().Be(HealthStatus.Healthy);
        result.Data.Should().Contain("level", "unknown").And.Contain("phrases", 2L);
    }

    [Fact]
    public async Task CheckHealthAsync_OverAFifthOfPhrasesFailed_IsTheRegistrationsFailureStatusAtLevelCritical()
    {
        await _pipeline.SpeakAsync(Phrases.Request(), Phrases.Of("tone 1", "fail", "tone 2", "fail", "tone 3"));

        var result = await CheckAsync(HealthStatus.Degraded);

        result.Status.Should().Be(HealthStatus.Degraded);
        result.Data.Should().Contain("level", "critical").And.Contain("phrases", 5L).And.Contain("errorRate", 0.4);
        result.Description.Should().Contain("over 20 %");
    }

    [Fact]
    public void WithSpeech_Pipeline_IsTheSpeakerAndItsCheckDegradesTheBotAtWorst()
    {
        var definition = new ChatBotBuilder("kit").WithSpeech(_pipeline).Build();

        definition.Speaker.Should().BeSameAs(_pipeline);
        var check = definition.HealthChecks.Should().ContainSingle().Subject;
        check.Name.Should().Be(SpeechHealthCheck.Name);
        check.FailureStatus.Should().Be(HealthStatus.Degraded);
    }

    private Task<HealthCheckResult> CheckAsync(HealthStatus failureStatus)
    {
        var check = new SpeechHealthCheck(_pipeline);
        return check.CheckHealthAsync(new HealthCheckContext { Registration = new HealthCheckRegistration(SpeechHealthCheck.Name, check, failureStatus, tags: null) });
    }
}
