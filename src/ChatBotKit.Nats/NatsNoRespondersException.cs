namespace ChatBotKit.Nats;

/// <summary>A request found no subscriber on its subject (the server answered with status 503).</summary>
public class NatsNoRespondersException : NatsException
{
    /// <summary>Creates the exception.</summary>
    public NatsNoRespondersException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NatsNoRespondersException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public NatsNoRespondersException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
