namespace ChatBotKit.Hosting;

/// <summary>The latest reload and when it ended, for the dashboard's overview.</summary>
internal sealed record LastReload(DateTimeOffset At, ChatBotReloadResult Result);
