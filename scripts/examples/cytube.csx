// cytube.csx: a CyTube bot that talks only NATS, through Kryten-Robot. Run it with
//   NATS_URL=nats://127.0.0.1:4222 CYTUBE_CHANNEL=lounge CYTUBE_DOMAIN=cytu.be streambot run scripts/examples/cytube.csx
// Kryten publishes the channel's events on kryten.events.cytube.{channel}.> and executes the
// bot's replies as `say` / `pm` robot commands on kryten.robot.command. CYTUBE_SUBJECTS=seed001
// switches to the older cytube.events.{channel}.* / cytube.commands.{channel}.{chat|pm} layout.
// NATS credentials come from the environment as the nats CLI reads them: NATS_USER/NATS_PASSWORD,
// NATS_TOKEN, NATS_NKEY (seed file) or NATS_CREDS (.creds file); NATS_CA/NATS_CERT/NATS_KEY for TLS.

Bot.WithName(Env("BOT_NAME", "kit"))
   .WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short)
   .WithFacts("This bot lives in a CyTube channel and answers through Kryten.");

Bot.AddCyTube(
    natsUrl: Env("NATS_URL", "nats://127.0.0.1:4222")!,
    channel: Env("CYTUBE_CHANNEL", "lounge")!,
    domain: Env("CYTUBE_DOMAIN", "cytu.be")!,
    subjects: Env("CYTUBE_SUBJECTS", "kryten"));

// Mentions go to the language model (the offline responder when none is set).
Bot.OnMention();

// !dice is answered by code, as in hello.csx.
Bot.OnCommand("dice", ctx => $"🎲 {ctx.Random.Next(1, 7)}");

// CyTube's antiflood default is 4 messages burst, 1 a second; stay well inside it.
Bot.WithRateLimits(r => r with
{
    PerUser = [RateWindow.PerMinute(3)],
    PerChannel = [RateWindow.PerMinute(10)],
    MinimumGap = TimeSpan.FromSeconds(1),
});
