namespace ChatBotKit.Nats;

/// <summary>The server answered with <c>-ERR</c> (for example <c>Authorization Violation</c>).</summary>
public class NatsServerErrorException : NatsException
{
    /// <summary>Creates the exception.</summary>
    public NatsServerErrorException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NatsServerErrorException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public NatsServerErrorException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
