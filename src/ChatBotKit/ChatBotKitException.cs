namespace ChatBotKit;

/// <summary>The base of every exception ChatBotKit throws on purpose.</summary>
public class ChatBotKitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChatBotKitException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ChatBotKitException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ChatBotKitException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
