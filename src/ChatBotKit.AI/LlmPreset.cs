namespace ChatBotKit.AI;

/// <summary>
/// A named server with its protocol and default base URL. Presets are starting points:
/// <see cref="ToOptions"/> gives options a caller can change with <c>with</c>.
/// </summary>
/// <param name="Name">The preset's name.</param>
/// <param name="Protocol">The API the server speaks.</param>
/// <param name="BaseUrl">The server's default base URL.</param>
/// <param name="ApiKeyVariable">The environment variable read for a key, if any.</param>
/// <param name="RequireApiKey">Whether the server refuses calls without a key.</param>
public sealed record LlmPreset(string Name, LlmProtocol Protocol, Uri BaseUrl, string? ApiKeyVariable, bool RequireApiKey)
{
    /// <summary>Ollama's native API on its default port 11434.</summary>
    public static LlmPreset Ollama { get; } = new("ollama", LlmProtocol.Ollama, new Uri("http://localhost:11434"), null, false);

    /// <summary>LM Studio's local server on its default port 1234.</summary>
    public static LlmPreset LMStudio { get; } = new("lmstudio", LlmProtocol.OpenAICompatible, new Uri("http://localhost:1234/v1"), null, false);

    /// <summary>Lemonade Server on its current default port 13305 under <c>/api/v1</c> (releases before 10.0 used port 8000).</summary>
    public static LlmPreset Lemonade { get; } = new("lemonade", LlmProtocol.OpenAICompatible, new Uri("http://localhost:13305/api/v1"), null, false);

    /// <summary>OpenAI's hosted API; the key comes from <c>OPENAI_API_KEY</c>.</summary>
    public static LlmPreset OpenAI { get; } = new("openai", LlmProtocol.OpenAICompatible, new Uri("https://api.openai.com/v1"), "OPENAI_API_KEY", true);

    /// <summary>Anthropic's hosted Messages API; the key comes from <c>ANTHROPIC_API_KEY</c>.</summary>
    public static LlmPreset Anthropic { get; } = new("anthropic", LlmProtocol.Anthropic, new Uri("https://api.anthropic.com"), "ANTHROPIC_API_KEY", true);

    /// <summary>Every built-in preset.</summary>
    public static IReadOnlyList<LlmPreset> All { get; } = [Ollama, LMStudio, Lemonade, OpenAI, Anthropic];

    /// <summary>Finds a built-in preset by name, ignoring case.</summary>
    public static LlmPreset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Options for this server and a model.</summary>
    public LlmOptions ToOptions(string model) => new()
    {
        Protocol = Protocol,
        BaseUrl = BaseUrl,
        Model = model,
        ApiKeyVariable = ApiKeyVariable,
        RequireApiKey = RequireApiKey,
        ProviderName = Name,
    };
}
