namespace ChatBotKit.Nats;

/// <summary>Whether the connection to NATS uses TLS.</summary>
public enum NatsTlsMode
{
    /// <summary>TLS when the URL is <c>tls://</c>, a certificate is configured, or the server offers it.</summary>
    Auto,

    /// <summary>Always TLS; a server that does not offer it is refused.</summary>
    Require,

    /// <summary>TLS from the first byte (a TLS-terminating proxy in front of the server).</summary>
    Implicit,

    /// <summary>Never TLS.</summary>
    Disable,
}
