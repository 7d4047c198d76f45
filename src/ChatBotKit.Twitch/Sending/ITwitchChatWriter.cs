using ChatBotKit.Sources;

namespace ChatBotKit.Twitch.Sending;

/// <summary>Puts one paced, prepared chat message on the wire: IRC's PRIVMSG or Helix's Send Chat Message.</summary>
internal interface ITwitchChatWriter
{
    /// <summary>Sends <paramref name="text"/> to <paramref name="channel"/>, waiting for a connection if there is none; says whether the platform took it.</summary>
    Task<SendResult> WriteAsync(string channel, string text, string? replyToId, CancellationToken cancellationToken);
}
