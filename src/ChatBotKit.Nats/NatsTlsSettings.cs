namespace ChatBotKit.Nats;

/// <summary>
/// TLS for the NATS connection: the mode, a private CA to trust, and a client certificate for servers
/// that verify clients. Files are PEM; their contents are read when the connection opens.
/// </summary>
public sealed record NatsTlsSettings
{
    /// <summary>Whether TLS is used; <see cref="NatsTlsMode.Auto"/> by default.</summary>
    public NatsTlsMode Mode { get; init; } = NatsTlsMode.Auto;

    /// <summary>PEM file of the CA certificate(s) that sign the server's certificate, instead of the system's trust store.</summary>
    public string? CaFile { get; init; }

    /// <summary>PEM file of the client certificate, for servers that verify clients (needs <see cref="ClientKeyFile"/>).</summary>
    public string? ClientCertificateFile { get; init; }

    /// <summary>PEM file of the client certificate's private key.</summary>
    public string? ClientKeyFile { get; init; }
}
