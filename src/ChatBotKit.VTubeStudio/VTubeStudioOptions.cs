namespace ChatBotKit.VTubeStudio;

/// <summary>
/// How to reach VTube Studio and how the bot introduces itself there. VTube Studio shows
/// <see cref="PluginName"/> and <see cref="PluginDeveloper"/> in the one-time approval popup; the
/// token it grants is kept in the token file and belongs to exactly these two names.
/// </summary>
public sealed record VTubeStudioOptions
{
    /// <summary>The address VTube Studio listens on when its port is not changed.</summary>
    public static readonly Uri DefaultEndpoint = new("ws://localhost:8001");

    /// <summary>The plugin API's WebSocket address. Default <c>ws://localhost:8001</c>.</summary>
    public Uri Endpoint { get; init; } = DefaultEndpoint;

    /// <summary>The plugin name shown in VTube Studio (3–32 characters). Default <c>ChatBotKit</c>.</summary>
    public string PluginName { get; init; } = "ChatBotKit";

    /// <summary>Who made the plugin, shown in VTube Studio (3–32 characters). Default <c>streambot</c>.</summary>
    public string PluginDeveloper { get; init; } = "streambot";

    /// <summary>An optional 128×128 PNG or JPG, base64, shown in the approval popup.</summary>
    public string? PluginIcon { get; init; }

    /// <summary>The token file; <see langword="null"/> uses the per-user default (<see cref="VTubeStudioTokenStore"/>).</summary>
    public string? TokenFile { get; init; }

    /// <summary>How long an ordinary request may wait for its answer (and for a connection). Default 5 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the streamer has to answer the approval popup. Default 5 minutes.</summary>
    public TimeSpan ApprovalTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long to wait before asking again when another approval popup is already open (error 51). Default 30 seconds.</summary>
    public TimeSpan OpenPopupWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first delay before reconnecting; it doubles up to <see cref="MaxReconnectDelay"/>. Default 1 second.</summary>
    public TimeSpan MinReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between reconnect attempts. Default 30 seconds.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The options from the environment: <c>VTS_ENDPOINT</c> (absent: <c>ws://localhost:8001</c>).
    /// </summary>
    /// <param name="environment">Reads a variable; default <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public static VTubeStudioOptions FromEnvironment(Func<string, string?>? environment = null)
    {
        var read = environment ?? Environment.GetEnvironmentVariable;
        var endpoint = read("VTS_ENDPOINT");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return new VTubeStudioOptions();
        }

        return Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss"
            ? new VTubeStudioOptions { Endpoint = uri }
            : throw new ChatBotConfigurationException("VTS_ENDPOINT", $"must be a ws:// or wss:// address such as ws://localhost:8001 (was '{endpoint}')");
    }

    /// <summary>Checks every setting and names the first one that is wrong.</summary>
    /// <exception cref="ChatBotConfigurationException">A setting is invalid.</exception>
    public void Validate()
    {
        Require(Endpoint is { IsAbsoluteUri: true, Scheme: "ws" or "wss" }, nameof(Endpoint), $"must be a ws:// or wss:// address (was '{Endpoint}')");
        Require(PluginName is { Length: >= 3 and <= 32 }, nameof(PluginName), "must be 3 to 32 characters");
        Require(PluginDeveloper is { Length: >= 3 and <= 32 }, nameof(PluginDeveloper), "must be 3 to 32 characters");
        Require(RequestTimeout > TimeSpan.Zero, nameof(RequestTimeout), "must be positive");
        Require(ApprovalTimeout > TimeSpan.Zero, nameof(ApprovalTimeout), "must be positive");
        Require(OpenPopupWait > TimeSpan.Zero, nameof(OpenPopupWait), "must be positive");
        Require(MinReconnectDelay > TimeSpan.Zero && MaxReconnectDelay >= MinReconnectDelay, nameof(MinReconnectDelay), "must be positive and at most MaxReconnectDelay");
    }

    private static void Require(bool condition, string setting, string problem)
    {
        if (!condition)
        {
            throw new ChatBotConfigurationException($"VTubeStudio.{setting}", problem);
        }
    }
}
