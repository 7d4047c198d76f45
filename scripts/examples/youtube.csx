// youtube.csx: the example bot on a YouTube live chat. Run it with
//   YOUTUBE_VIDEO=@yourchannel streambot run scripts/examples/youtube.csx
// YOUTUBE_VIDEO is a video id, a watch or live URL, an @handle or a channel id (UC…); for a handle
// or channel it reads the stream that is live now.
//
// Credentials come from the environment, and never reach a log:
//   none                                   reads without an API key; read-only (answers are logged as not sent)
//   YOUTUBE_API_KEY                        reads through the Data API v3; still read-only (an API key cannot post)
//   YOUTUBE_ACCESS_TOKEN                   reads through the Data API and posts the answers
//   YOUTUBE_REFRESH_TOKEN with YOUTUBE_CLIENT_ID and YOUTUBE_CLIENT_SECRET
//                                          the same, with access tokens fetched and renewed before they expire
// YOUTUBE_ENDPOINT (the watch and live-chat site) and YOUTUBE_API_ENDPOINT (the Data API base, by
// default https://www.googleapis.com/youtube/v3) point it at local fakes in tests. docs/youtube.md
// explains OAuth set-up and what the Data API's quota allows.
using ChatBotKit.YouTube;

var video = Env("YOUTUBE_VIDEO") ?? throw new InvalidOperationException("Set YOUTUBE_VIDEO to a video id, URL, @handle or channel id.");
var options = YouTubeOptions.FromEnvironment(name => Env(name));

Bot.WithName("kit")
   .WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short)
   .WithFacts("This is the ChatBotKit example bot on YouTube.");

Bot.AddYouTube(video, options);

// Mentions go to the language model; !dice is answered by code, as in hello.csx.
Bot.OnMention();
Bot.OnCommand("dice", ctx => $"🎲 {ctx.Random.Next(1, 7)}");

OnStart(() => Log.LogInformation("youtube example is ready ({Mode})", options.CanPost ? "reads and posts" : "read-only"));
