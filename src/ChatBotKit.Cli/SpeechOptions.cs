using System.CommandLine;
using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Pipeline;
using ChatBotKit.Speech.Tts;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Cli;

/// <summary>
/// <c>--speak</c>, <c>--speak-to</c>, <c>--tts</c> and <c>--voice</c>: a voice for the bot of
/// <c>streambot chat</c>, given to every version of the script (it replaces a voice the script set
/// itself) and disposed when the command ends.
/// </summary>
internal sealed class SpeechOptions
{
    private readonly Option<bool> _speak = new("--speak") { Description = "Speak the bot's replies through pacat on the default sound device (espeak-ng unless --tts says otherwise)." };
    private readonly Option<DirectoryInfo?> _speakTo = new("--speak-to") { Description = "Speak into this folder instead: one WAV file per utterance.", HelpName = "dir" };
    private readonly Option<string?> _tts = new("--tts") { Description = "The voice: 'espeak' (default, Debian package espeak-ng) or the /v1 base URL of an OpenAI-compatible speech server (API key from $OPENAI_API_KEY).", HelpName = "espeak|base-url" };
    private readonly Option<string?> _voice = new("--voice") { Description = "The voice's name: an espeak-ng voice (en, en+f3…) or the server's voice (alloy, af_bella…)." };

    public void AddTo(Command command)
    {
        command.Add(_speak);
        command.Add(_speakTo);
        command.Add(_tts);
        command.Add(_voice);
    }

    /// <summary>Runs <paramref name="command"/> with the voice the options ask for, if any, on <paramref name="context"/>.</summary>
    public async Task<int> RunAsync(ParseResult parsed, CommandContext context, Func<Task<int>> command)
    {
        using var loggerFactory = context.CreateLoggerFactory();
        await using var speaker = Create(parsed, loggerFactory);
        context.Speaker = speaker;
        if (speaker is not null)
        {
            context.IO.Status(speaker.CanSpeak ? $"speaking replies {Where(parsed)}." : "replies stay text: the voice is not available.");
        }

        return await command().ConfigureAwait(false);
    }

    private SpeechPipeline? Create(ParseResult parsed, ILoggerFactory loggerFactory)
    {
        var folder = parsed.GetValue(_speakTo);
        if (!parsed.GetValue(_speak) && folder is null)
        {
            return parsed.GetValue(_tts) is null && parsed.GetValue(_voice) is null
                ? null
                : throw new UsageException("--tts and --voice need --speak or --speak-to.");
        }

        // The voice is chosen first: a wrong --tts must fail before a sink is made.
        try
        {
            var tts = SpeechBackends.FromSetting(parsed.GetValue(_tts), parsed.GetValue(_voice));
            IAudioSink sink = folder is not null ? new WavFileAudioSink(folder.FullName) : new ProcessAudioSink(logger: loggerFactory.CreateLogger<ProcessAudioSink>());
            return new SpeechPipeline(tts, sink, loggerFactory: loggerFactory);
        }
        catch (ChatBotConfigurationException e)
        {
            throw new UsageException($"--{e.Message}");
        }
    }

    private string Where(ParseResult parsed) =>
        parsed.GetValue(_speakTo) is { } folder ? $"into {folder.FullName} (one WAV file per utterance)" : "through pacat on the default sound device";
}
