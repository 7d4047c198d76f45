namespace ChatBotKit.Nats;

/// <summary>A publish made while disconnected found the reconnect buffer full (<see cref="NatsBufferFullMode.Fail"/>).</summary>
public class NatsBufferFullException : NatsException
{
    /// <summary>Creates the exception.</summary>
    public NatsBufferFullException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NatsBufferFullException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public NatsBufferFullException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
