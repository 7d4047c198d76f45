// StreamBotApp: a ChatBotKit bot inside a .NET app. Run it with: dotnet run
// Settings come from appsettings.json (and environment variables, e.g. Bot__Name=...);
// secrets only from environment variables. SIGHUP (kill -HUP <pid>) reloads the settings and the bot.
using ChatBotKit;
using ChatBotKit.Prompting;
using ChatBotKit.RateLimiting;
#if (IsConsole)
using ChatBotKit.Sources;
#elif (IsTwitch)
using ChatBotKit.Twitch;
#elif (IsYouTube)
using ChatBotKit.YouTube;
#elif (IsCyTube)
using ChatBotKit.CyTube;
#endif

var builder = Host.CreateApplicationBuilder(args);
var config = builder.Configuration;

builder.Services.AddChatBot(bot =>
{
    // Read settings inside this delegate: a reload runs it again on the new values.
    var name = config["Bot:Name"] ?? "StreamBotApp";
    bot.WithName(name)
        .WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short)
        .OnMention()                                              // answered by the language model, or the offline responder
        .OnCommand("dice", ctx => $"🎲 {ctx.Random.Next(1, 7)}")  // answered by code
        .WithRateLimits(r => r with
        {
            PerUser = [RateWindow.PerMinute(3)],
            PerChannel = [RateWindow.PerMinute(10)],
        });
#if (IsConsole)
    // Type 'name: text' lines (e.g. 'bob: !dice'); replies are printed. Ctrl+C stops.
    bot.AddSource(new ChatSourceRegistration("console", "stdin",
        ctx => new ConsoleChatSource(new ConsoleChatSourceOptions { BotName = name, LoggerFactory = ctx.LoggerFactory })));
#elif (IsTwitch)
    // The token is read from TWITCH_OAUTH_TOKEN when the connection logs in; without it the bot only reads.
    var twitch = TwitchOptions.FromEnvironment();
    bot.AddTwitch(config["Twitch:Channel"] ?? "yourchannel", twitch with { Nick = config["Twitch:Nick"] ?? twitch.Nick });
#elif (IsYouTube)
    bot.AddYouTube(config["YouTube:Video"] ?? "@yourchannel", YouTubeOptions.FromEnvironment());
#elif (IsCyTube)
    bot.AddCyTube(
        natsUrl: config["CyTube:Nats"] ?? "nats://127.0.0.1:4222",
        channel: config["CyTube:Channel"] ?? "lounge",
        domain: config["CyTube:Domain"] ?? "cytu.be");
#endif
});

await builder.Build().RunAsync();
