// The app docs/hosting.md shows: a bot in an ASP.NET Core app, configured from bot.yaml,
// answering on the console, with /health and /metrics. SIGHUP reloads bot.yaml and rebuilds the bot.
using ChatBotKit;
using ChatBotKit.AI;
using ChatBotKit.RateLimiting;
using ChatBotKit.Sources;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.AddYamlFile("bot.yaml");          // optional; see configuration.md
var config = builder.Configuration;

if (config["Llm:BaseUrl"] is { } llm)                    // else the offline responder answers mentions
{
    builder.Services.AddSingleton<IChatClient>(LlmClient.Create(new LlmOptions
    {
        BaseUrl = new Uri(llm),
        Model = config["Llm:Model"] ?? "llama3.2",
    }));
}

builder.Services.AddChatBot(bot =>
{
    // Read the configuration inside the delegate: a reload runs it again on the new values.
    var welcome = config["Bot:Welcome"] ?? "Welcome to the stream!";
    bot.WithName("kit")
        .WithRateLimits(r => r with
        {
            MinimumGap = config.GetValue("Bot:MinimumGap", r.MinimumGap),
            PerChannel = [RateWindow.PerMinute(config.GetValue("Bot:RepliesPerMinute", 2))],
        })
        .OnMention()
        .OnCommand("dice", ctx => $"🎲 {ctx.Random.Next(1, 7)}")
        .OnCommand("welcome", _ => welcome)
        .AddSource(new ChatSourceRegistration("console", "stdin",
            ctx => new ConsoleChatSource(new ConsoleChatSourceOptions { BotName = "kit", LoggerFactory = ctx.LoggerFactory })));
});

var app = builder.Build();
app.MapChatBotEndpoints();                                // GET /health and GET /metrics
try
{
    await app.RunAsync();
    return 0;
}
catch (ChatBotConfigurationException e)                   // invalid bot.yaml: say where, exit 1
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
