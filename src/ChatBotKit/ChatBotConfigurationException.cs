namespace ChatBotKit;

/// <summary>A bot setting is invalid. <see cref="Setting"/> names it the way the builder does.</summary>
public sealed class ChatBotConfigurationException : ChatBotKitException
{
    /// <summary>Creates the exception.</summary>
    public ChatBotConfigurationException()
    {
        Setting = "";
    }

    /// <summary>Creates the exception with a message.</summary>
    public ChatBotConfigurationException(string message) : base(message)
    {
        Setting = "";
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ChatBotConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
        Setting = "";
    }

    /// <summary>Creates the exception for one setting.</summary>
    /// <param name="setting">The setting's path, for example <c>Triggers[2].Probability</c>.</param>
    /// <param name="problem">What is wrong with it.</param>
    public ChatBotConfigurationException(string setting, string problem) : base($"{setting}: {problem}")
    {
        Setting = setting;
    }

    /// <summary>The setting's path, for example <c>Triggers[2].Probability</c>.</summary>
    public string Setting { get; }
}
