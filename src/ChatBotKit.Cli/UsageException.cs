namespace ChatBotKit.Cli;

/// <summary>The command line asks for something this build cannot do; exit code 2.</summary>
internal sealed class UsageException(string message) : ChatBotKitException(message);
