namespace ChatBotKit.Hosting;

/// <summary>A bot registered with <c>AddChatBot</c>; the <see cref="ChatBotRegistry"/> lists them.</summary>
internal sealed record ChatBotRegistration(string Key);
