// twitch.csx: the example bot on Twitch. Run it with
//   TWITCH_CHANNEL=yourchannel TWITCH_NICK=yourbot TWITCH_OAUTH_TOKEN=... streambot run scripts/examples/twitch.csx
// Without TWITCH_NICK or TWITCH_OAUTH_TOKEN it connects anonymously and only reads chat.
// TWITCH_IRC_SERVER points it at another server (ircs://, irc://, wss:// or ws://), for example a
// local IRC server while trying things out. TWITCH_TRANSPORT=eventsub reads chat through EventSub
// and sends through Helix; TWITCH_TRANSPORT=irc+eventsub keeps IRC for chat and adds EventSub for
// follows, channel-point redemptions and stream status. docs/twitch.md explains tokens, scopes and limits.
using ChatBotKit.Twitch;

var channel = Env("TWITCH_CHANNEL") ?? throw new InvalidOperationException("Set TWITCH_CHANNEL to the channel to join.");
var nick = Env("TWITCH_NICK");

// The bot answers to its account's name (and to "kit"), so "@yourbot hi" reaches the language model.
Bot.WithName(nick ?? "kit")
   .WithAliases("kit")
   .WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short)
   .WithFacts("This is the ChatBotKit example bot on Twitch.");

// TWITCH_NICK and TWITCH_IRC_SERVER configure the connection; the token is read from
// TWITCH_OAUTH_TOKEN by the connection itself when it logs in, and never logged.
Bot.AddTwitch(channel, TwitchOptions.FromEnvironment(name => Env(name)));

// A thank-you for every follow (EventSub) and raid, answered by code so it costs no LLM call.
Bot.AddTrigger(new ThanksTrigger
{
    Name = "thanks",
    Handler = (ctx, _) => ValueTask.FromResult<string?>(ctx.Event switch
    {
        UserFollowed follow => $"Thank you for the follow, {follow.User.DisplayName}! 💜",
        ChannelRaided raid => $"Welcome, raiders! Thank you for the raid, {raid.Raider.DisplayName}, and hello to all {raid.ViewerCount} of you!",
        _ => null,
    }),
});

// Mentions go to the language model; !dice is answered by code, as in hello.csx.
Bot.OnMention();
Bot.OnCommand("dice", ctx => $"🎲 {ctx.Random.Next(1, 7)}");

// Twitch's own limits (20 messages per 30 s, one per second per channel, no repeats within 30 s)
// are enforced by the connection; these keep the bot polite on top of them.
Bot.WithRateLimits(r => r with
{
    PerUser = [RateWindow.PerMinute(3)],
    PerChannel = [RateWindow.PerMinute(10)],
    MinimumGap = TimeSpan.Zero,
});

OnStart(() => Log.LogInformation("twitch example is ready"));

class ThanksTrigger : ChatTrigger
{
    public override string Kind => "thanks";

    public override bool Matches(in TriggerContext context) => context.Event is UserFollowed or ChannelRaided;
}
