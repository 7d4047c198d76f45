using Microsoft.Extensions.AI;

namespace ChatBotKit.Speech.Tts;

/// <summary>Asks the inner client for WAV audio in the configured voice unless a call says otherwise.</summary>
internal sealed class WavSpeechClient(ITextToSpeechClient inner, string voice) : DelegatingTextToSpeechClient(inner)
{
    public override Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetAudioAsync(text, WithDefaults(options), cancellationToken);

    public override IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingAudioAsync(text, WithDefaults(options), cancellationToken);

    private TextToSpeechOptions WithDefaults(TextToSpeechOptions? options)
    {
        var copy = options?.Clone() ?? new TextToSpeechOptions();
        copy.VoiceId ??= voice;
        copy.AudioFormat ??= "wav";
        return copy;
    }
}
