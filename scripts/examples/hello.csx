// hello.csx: the example bot. Try it with
//   streambot chat scripts/examples/hello.csx
// then type lines like "alice: hi @kit" or "bob: !dice". Save this file while the bot runs and
// the new version takes over at once; if it does not compile, the old one keeps answering.
//
// A script describes the bot through `Bot`, a ChatBotBuilder (the same builder apps use).
// Other top-level names: Log (a logger), Env("NAME") (environment variables, for secrets),
// Config (settings from the host), OnStart(...) and OnStop(...) (lifecycle hooks).

// Viewers may write "kit", "@kit" or "kitbot"; matching ignores case and needs whole words.
Bot.WithName("kit")
   .WithAliases("kitbot")
   .WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short)
   .WithFacts("This is the ChatBotKit example bot.");

// Mentions are answered by the language model (the offline responder when none is set).
Bot.OnMention();

// !dice is answered by code, without the language model. ctx.Random is seeded per channel,
// so a replayed chat log gives the same rolls every time.
Bot.OnCommand("dice", ctx => $"🎲 {ctx.Random.Next(1, 7)}");

// At most 3 replies per viewer per minute. The channel may have 10 a minute and no minimum
// gap, so a quick local try is not held back; live channels should keep the defaults
// (2 a minute, 15 s apart).
Bot.WithRateLimits(r => r with
{
    PerUser = [RateWindow.PerMinute(3)],
    PerChannel = [RateWindow.PerMinute(10)],
    MinimumGap = TimeSpan.Zero,
});

// Hooks run when this version of the script becomes active and when it is replaced or stops.
OnStart(() => Log.LogInformation("kit is ready"));
OnStop(() => Log.LogInformation("kit is going away"));
