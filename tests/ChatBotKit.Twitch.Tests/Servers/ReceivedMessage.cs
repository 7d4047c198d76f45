namespace ChatBotKit.Twitch.Tests.Servers;

/// <summary>A PRIVMSG the fake server received.</summary>
public sealed record ReceivedMessage(string Channel, string Text, string? ReplyTo, DateTimeOffset Time);
