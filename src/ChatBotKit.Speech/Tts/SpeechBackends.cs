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

    /// <summary>
    /// The backend a setting names: <c>espeak</c> (or <see langword="null"/>) for espeak-ng, or the
    /// <c>/v1</c> base URL of an OpenAI-compatible server; <paramref name="voice"/> picks its voice.
    /// </summary>
    /// <exception cref="ChatBotConfigurationException">The setting is neither <c>espeak</c> nor an http(s) URL.</exception>
    public static ITextToSpeechClient FromSetting(string? backend, string? voice = null)
    {
        if (backend is null or "espeak" or "espeak-ng")
        {
            return Espeak(voice is null ? null : new EspeakOptions { Voice = voice });
        }

        if (!Uri.TryCreate(backend, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new ChatBotConfigurationException("tts", $"takes 'espeak' or a base URL such as http://localhost:8880/v1, not '{backend}'");
        }

        var options = new OpenAICompatibleSpeechOptions { BaseUrl = url };
        return OpenAICompatible(voice is null ? options : options with { Voice = voice });
    }

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
