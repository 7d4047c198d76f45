namespace ChatBotKit.YouTube.InnerTube;

/// <summary>A chat found and ready to poll: the video, the page's client config and the first continuation.</summary>
internal sealed record LiveChatSession(string VideoId, InnerTubeConfig Config, string Continuation);
