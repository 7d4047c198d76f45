// bot.csx: StreamBotName, a ChatBotKit bot. Chat with it in the terminal:
//   streambot chat bot.csx
// Save this file while the bot runs and the new version takes over at once; if it does not
// compile, the running version keeps answering and the errors are printed.
// The #load below gives editors the script's globals (Bot, Log, Config, Env); streambot reads it as empty.
#load ".streambot/globals.csx"
using System.Collections.Generic;
using ChatBotKit;
using ChatBotKit.Prompting;
using ChatBotKit.RateLimiting;
using Microsoft.Extensions.Logging;
//#if (IsTwitch)
// On Twitch: TWITCH_OAUTH_TOKEN=... streambot run bot.csx   (channel and nick are in bot.yaml)
using ChatBotKit.Twitch;
//#elif (IsYouTube)
// On YouTube: streambot run bot.csx   (the stream is in bot.yaml; reading needs no key)
using ChatBotKit.YouTube;
//#elif (IsCyTube)
// On CyTube through Kryten: streambot run bot.csx   (NATS and the room are in bot.yaml)
using ChatBotKit.CyTube;
//#endif

// Settings come from bot.yaml (Config["..."]); secrets only from environment variables (Env("...")).
Bot.WithName(Config.GetValueOrDefault("Bot:Name", "StreamBotName"))
   .WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short)
   .WithFacts("This bot was made with dotnet new streambot.");

//#if (IsTwitch)
// The token is read from TWITCH_OAUTH_TOKEN when the connection logs in; without it the bot only reads.
Bot.AddTwitch(Config.GetValueOrDefault("Twitch:Channel", "yourchannel"), TwitchOptions.FromEnvironment(name => Env(name)) with
{
    Nick = Config.GetValueOrDefault("Twitch:Nick") ?? Env("TWITCH_NICK"),
});

//#elif (IsYouTube)
Bot.AddYouTube(Config.GetValueOrDefault("YouTube:Video", "@yourchannel"), YouTubeOptions.FromEnvironment(name => Env(name)));

//#elif (IsCyTube)
Bot.AddCyTube(
    natsUrl: Config.GetValueOrDefault("CyTube:Nats", "nats://127.0.0.1:4222"),
    channel: Config.GetValueOrDefault("CyTube:Channel", "lounge"),
    domain: Config.GetValueOrDefault("CyTube:Domain", "cytu.be"));

//#endif
// Mentions ("@StreamBotName hi") are answered by the language model: pass --llm to streambot,
// or the offline responder answers.
Bot.OnMention();

// Commands are answered by code, without the language model.
Bot.OnCommand("dice", ctx => $"🎲 {ctx.Random.Next(1, 7)}");

// At most 3 replies per viewer and 10 per channel a minute.
Bot.WithRateLimits(r => r with
{
    PerUser = [RateWindow.PerMinute(3)],
    PerChannel = [RateWindow.PerMinute(10)],
    MinimumGap = TimeSpan.FromSeconds(2),
});

OnStart(() => Log.LogInformation("StreamBotName is ready"));
