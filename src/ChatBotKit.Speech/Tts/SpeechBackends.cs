using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Audio;

namespace ChatBotKit.Speech.Tts;

/// <summary>Creates the text-to-speech clients ChatBotKit knows: espeak-ng and OpenAI-compatible servers.</summary>
public static class SpeechBackends
{
    private const string NoKey = "no-key";

    /// <summary>espeak-ng, offline (Debian package <c>espeak-ng</c>).</summary>
    public static ITextToSpeechClient Espeak(EspeakOptions? options = null) => new EspeakTextToSpeechClient(options);

    /// <summary>
    /// An OpenAI-compatible <c>/v1/audio/speech</c> server through Microsoft.Extensions.AI.OpenAI, with
    /// the SDK's retries off (a slow phrase is better skipped than spoken late) and WAV audio.
    /// </summary>
    public static ITextToSpeechClient OpenAICompatible(OpenAICompatibleSpeechOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.BaseUrl,
            NetworkTimeout = options.NetworkTimeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        if (options.HttpClient is { } http)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(http);
        }

        var key = Environment.GetEnvironmentVariable(options.ApiKeyVariable);
        var audio = new AudioClient(options.Model, new ApiKeyCredential(string.IsNullOrEmpty(key) ? NoKey : key), clientOptions);
        return new WavSpeechClient(audio.AsITextToSpeechClient(), options.Voice);
    }
}
