using ChatBotKit.Events;
using ChatBotKit.Speech;
using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Health;
using ChatBotKit.Speech.Pipeline;
using ChatBotKit.Speech.Tts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ChatBotKit;

/// <summary>Gives a bot a voice: <c>Bot.WithSpeech()</c> in a script speaks replies with espeak-ng through pacat.</summary>
public static class SpeechBotBuilderExtensions
{
    /// <summary>
    /// Speaks every reply through a <see cref="SpeechPipeline"/>: <paramref name="tts"/> (default
    /// espeak-ng) to <paramref name="sink"/> (default a <c>pacat</c> player on the default sound
    /// device), logging to <paramref name="log"/> (a script passes its <c>Log</c>). When the voice cannot work (espeak-ng not installed) the bot says so once in the log
    /// and keeps chatting in text. Reach the pipeline (events, <see cref="SpeechPipeline.Interrupt"/>)
    /// through <paramref name="pipeline"/> or <see cref="ChatBotBuilder.Speaker"/>.
    /// </summary>
    public static ChatBotBuilder WithSpeech(
        this ChatBotBuilder builder,
        ITextToSpeechClient? tts = null,
        IAudioSink? sink = null,
        SpeechPipelineOptions? options = null,
        ILogger? log = null,
        Action<SpeechPipeline>? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var speech = new SpeechPipeline(
            tts ?? SpeechBackends.Espeak(),
            sink ?? new ProcessAudioSink(logger: log),
            options,
            log is null ? null : new LoggerFactoryOf(log));
        pipeline?.Invoke(speech);
        return builder.WithSpeech(speech);
    }

    /// <summary>
    /// Speaks every reply through <paramref name="pipeline"/> and shows its health under the bot in
    /// the host's <c>/health</c> (as <see cref="SpeechHealthCheck.Name"/>; at critical level the bot is
    /// degraded, not unhealthy, as text chat goes on).
    /// </summary>
    public static ChatBotBuilder WithSpeech(this ChatBotBuilder builder, SpeechPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(pipeline);
        return builder.WithSpeaker(pipeline)
            .WithHealthCheck(SpeechHealthCheck.Name, new SpeechHealthCheck(pipeline), HealthStatus.Degraded)
            .AddControlPanel(new SpeechControlPanel(pipeline));
    }

    /// <summary>
    /// Adds the command <c>!stop</c> (or <paramref name="name"/>) that silences the bot's voice at
    /// once: the reply being spoken and those waiting stop, keeping only what was heard. By default
    /// only moderators and the broadcaster may use it. It needs a <see cref="SpeechPipeline"/> as the
    /// bot's speaker at the time the command is used, and answers nothing in chat.
    /// </summary>
    public static ChatBotBuilder OnStopSpeaking(this ChatBotBuilder builder, string name = "stop", ChatRoles requiredRoles = ChatRoles.Moderator | ChatRoles.Broadcaster)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.OnCommand(name, _ =>
        {
            (builder.Speaker as SpeechPipeline)?.Interrupt();
            return null;
        }, requiredRoles);
    }
}
