namespace ChatBotKit.Speech.Tts;

/// <summary>
/// An OpenAI-compatible <c>/v1/audio/speech</c> server: OpenAI itself, Kokoro-FastAPI,
/// openedai-speech and others. Audio is asked for as WAV.
/// </summary>
public sealed record OpenAICompatibleSpeechOptions
{
    /// <summary>The API root, ending in <c>/v1</c> (for example <c>http://localhost:8880/v1</c>).</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The speech model (default <c>tts-1</c>; Kokoro-FastAPI takes <c>kokoro</c>).</summary>
    public string Model { get; init; } = "tts-1";

    /// <summary>The voice (default <c>alloy</c>; Kokoro-FastAPI has voices like <c>af_bella</c>).</summary>
    public string Voice { get; init; } = "alloy";

    /// <summary>The environment variable holding the API key (default <c>OPENAI_API_KEY</c>); local servers need none.</summary>
    public string ApiKeyVariable { get; init; } = "OPENAI_API_KEY";

    /// <summary>How long one request may take on the wire before it fails (default 30 s).</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The HTTP client to send requests with (tests, proxies); <see langword="null"/> uses the SDK's own.</summary>
    public HttpClient? HttpClient { get; init; }
}
