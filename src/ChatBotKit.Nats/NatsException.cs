namespace ChatBotKit.Nats;

/// <summary>A NATS operation failed.</summary>
public class NatsException : ChatBotKitException
{
    /// <summary>Creates the exception.</summary>
    public NatsException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NatsException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public NatsException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
