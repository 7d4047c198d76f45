// youtube.csx: the example bot on a YouTube live chat. Run it with
//   YOUTUBE_VIDEO=@yourchannel streambot run scripts/examples/youtube.csx
// YOUTUBE_VIDEO is a video id, a watch or live URL, an @handle or a channel id (UC…); for a handle
// or channel it reads the stream that is live now. It reads without an API key and is read-only:
// the bot's answers are logged as not sent, with the reason. YOUTUBE_ENDPOINT points it at another
// site (a local fake YouTube in tests). docs/youtube.md says what is not built yet.
using ChatBotKit.YouTube;

var video = Env("YOUTUBE_VIDEO") ?? throw new InvalidOperationException("Set YOUTUBE_VIDEO to a video id, URL, @handle or channel id.");

Bot.WithName("kit")
   .WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short)
   .WithFacts("This is the ChatBotKit example bot on YouTube.");

Bot.AddYouTube(video, YouTubeOptions.FromEnvironment(name => Env(name)));

// Mentions go to the language model; !dice is answered by code, as in hello.csx.
Bot.OnMention();
Bot.OnCommand("dice", ctx => $"🎲 {ctx.Random.Next(1, 7)}");

OnStart(() => Log.LogInformation("youtube example is ready (read-only)"));
