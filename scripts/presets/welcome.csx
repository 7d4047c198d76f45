//! name: welcome
//! description: Welcomes first-time chatters, thanks new followers and greets raiders. No language model.
//! author: ChatBotKit contributors
//! version: 1.0.0
// preset:welcome: a greeter. Load it with  #load "preset:welcome".
// It welcomes a viewer's first message in the channel (where the platform marks it, as Twitch
// does), thanks new followers and greets raids. Load it before presets that answer mentions, so
// a first-timer who mentions the bot is welcomed first.

class WelcomeTrigger : ChatTrigger
{
    public override string Kind => "welcome";

    public override bool Matches(in TriggerContext context) =>
        context.Event is UserFollowed or ChannelRaided
        || context.Message is { IsFirstMessage: true, MessageKind: MessageKind.Public };
}

static class Welcome
{
    public static string Greet(ReplyContext ctx) => ctx.Event switch
    {
        ChannelRaided raid => $"🎉 Welcome, raiders! Thank you {raid.Raider.DisplayName} for bringing {raid.ViewerCount} friends along!",
        UserFollowed follow => $"Thanks for the follow, {follow.User.DisplayName}! 💜",
        _ => $"Welcome to the chat, {ctx.User?.DisplayName ?? "friend"}! 👋",
    };
}

Bot.AddTrigger(new WelcomeTrigger
{
    Name = "welcome",
    Handler = (ctx, _) => ValueTask.FromResult<string?>(Welcome.Greet(ctx)),
});
