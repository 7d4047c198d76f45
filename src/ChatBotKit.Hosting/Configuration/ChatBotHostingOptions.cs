namespace ChatBotKit.Hosting.Configuration;

/// <summary>The host's settings, from the configuration section <c>ChatBotKit</c>.</summary>
public sealed record ChatBotHostingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChatBotKit";

    /// <summary>The HTTP endpoints (<c>ChatBotKit:Http</c>).</summary>
    public HttpEndpointOptions Http { get; set; } = new();

    /// <summary>How long replies in flight may take on shutdown (<c>ChatBotKit:ShutdownTimeout</c>, 1 s to 30 s). Default 30 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether SIGHUP reloads the configuration and rebuilds the bots (<c>ChatBotKit:ReloadOnHangup</c>).
    /// Default true; SIGHUP is only handled on Linux and macOS.
    /// </summary>
    public bool ReloadOnHangup { get; set; } = true;
}
