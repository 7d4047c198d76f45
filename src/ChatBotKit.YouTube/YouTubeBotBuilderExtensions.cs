using ChatBotKit.Sources;
using ChatBotKit.YouTube;
using ChatBotKit.YouTube.InnerTube;

namespace ChatBotKit;

/// <summary><c>Bot.AddYouTube(...)</c>: declares a YouTube live chat on a bot.</summary>
public static class YouTubeBotBuilderExtensions
{
    /// <summary>
    /// Declares a YouTube live chat: read keyless (read-only) unless the options carry a Data API key
    /// (read-only) or an OAuth access or refresh token (read and post). Without <paramref name="options"/>
    /// the endpoints and credentials come from the <c>YOUTUBE_*</c> environment variables
    /// (<see cref="YouTubeOptions.FromEnvironment"/>).
    /// </summary>
    /// <param name="builder">The bot.</param>
    /// <param name="video">A video id, a watch or live URL, an <c>@handle</c> or a channel id (<c>UC…</c>).</param>
    /// <param name="options">Endpoints, credentials and polling settings.</param>
    /// <param name="name">The source's name within the bot; default <c>youtube</c>.</param>
    public static ChatBotBuilder AddYouTube(this ChatBotBuilder builder, string video, YouTubeOptions? options = null, string name = "youtube")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(video);
        var settings = options ?? YouTubeOptions.FromEnvironment();
        settings.Validate();
        _ = VideoTarget.Parse(video); // a mistyped target fails here, at start-up, not at connect
        return builder.AddSource(new ChatSourceRegistration(name, settings, context => new YouTubeChatSource(video, settings, null, context.LoggerFactory, context.TimeProvider, context.MeterFactory))
        {
            Channels = [video],
        });
    }
}
