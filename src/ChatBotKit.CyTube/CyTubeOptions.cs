using ChatBotKit.Nats;

namespace ChatBotKit.CyTube;

/// <summary>How a <see cref="CyTubeChatSource"/> reaches CyTube through Kryten. Immutable; compares by value.</summary>
public sealed record CyTubeOptions
{
    /// <summary>The NATS connection (servers, credentials, TLS); not used when the source is given a NATS.Net connection.</summary>
    public NatsConnectionOptions Nats { get; init; } = new();

    /// <summary>The CyTube domain Kryten serves (<c>cytu.be</c>); goes into command metadata so the right robot acts.</summary>
    public string Domain { get; init; } = "cytu.be";

    /// <summary>The subject layout; <see cref="CyTubeSubjects.Kryten"/> by default.</summary>
    public CyTubeSubjects Subjects { get; init; } = CyTubeSubjects.Kryten;

    /// <summary>CyTube's chat length limit (server default 320; longer messages are cut by the server).</summary>
    public int MaxMessageLength { get; init; } = 320;

    /// <summary>How long a robot command may take to answer.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Events buffered for a slow engine before the oldest are dropped.</summary>
    public int EventCapacity { get; init; } = 1024;

    /// <summary>The <c>meta.source</c> of commands.</summary>
    public string ServiceName { get; init; } = "chatbotkit";
}
