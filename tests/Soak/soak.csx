// soak.csx: the bot the soak harness (run.sh) runs for half an hour. It reads the chat log named by
// SOAK_LOG at the pace of its timestamps (100 messages a second over 20 channels) and answers
// mentions through the offline responder and !dice by code. run.sh rewrites the line below every
// minute to reload the script, or sends SIGHUP.
// generation: 0

Bot.WithName("kit")
   .WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short);

Bot.OnMention();
Bot.OnCommand("dice", ctx => $"🎲 {ctx.Random.Next(1, 7)}");

// Loose limits, so that the bot answers often and the reply path is exercised as much as the intake.
Bot.WithRateLimits(r => r with
{
    PerUser = [RateWindow.PerMinute(3)],
    PerChannel = [RateWindow.PerMinute(60)],
    MinimumGap = TimeSpan.Zero,
});

var log = Env("SOAK_LOG") ?? throw new InvalidOperationException("SOAK_LOG names the chat log to replay.");
Bot.AddSource(new ChatSourceRegistration("soak", log, context => new ReplayChatSource(log, new ReplayChatSourceOptions
{
    Pace = TimeProvider.System,
    LoggerFactory = context.LoggerFactory,
})));
