namespace ChatBotKit.Nats;

/// <summary>A message is larger than the server's <c>max_payload</c>; it was not sent.</summary>
public class NatsPayloadTooLargeException : NatsException
{
    /// <summary>Creates the exception.</summary>
    public NatsPayloadTooLargeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NatsPayloadTooLargeException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public NatsPayloadTooLargeException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
