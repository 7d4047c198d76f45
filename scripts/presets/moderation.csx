//! name: moderation
//! description: Warns politely about caps spam and links from viewers without a role; never times out or bans.
//! author: ChatBotKit contributors
//! version: 1.0.0
// preset:moderation: a moderation helper. Load it with  #load "preset:moderation".
// It warns (politely, in chat) about caps spam and about links posted by viewers who are not
// subscribers, moderators, VIPs or the broadcaster. It never times out or bans anyone: that
// stays with the human moderators. Load it before presets that answer mentions so that a
// warning wins over a chat reply.

class ModerationTrigger : ChatTrigger
{
    public override string Kind => "moderation";

    public override bool Matches(in TriggerContext context) =>
        context.Message is { } message && (Moderation.IsCapsSpam(message.Text) || Moderation.IsUnwelcomeLink(message));
}

static class Moderation
{
    // At least 12 letters, 80 % of them upper case.
    public static bool IsCapsSpam(string text)
    {
        int letters = 0, upper = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c)) upper++;
            }
        }

        return letters >= 12 && upper * 5 >= letters * 4;
    }

    public static bool IsUnwelcomeLink(MessageReceived message) =>
        !message.User.HasAny(ChatRoles.Subscriber | ChatRoles.Moderator | ChatRoles.Vip | ChatRoles.Broadcaster)
        && (message.Text.Contains("http://", StringComparison.OrdinalIgnoreCase)
            || message.Text.Contains("https://", StringComparison.OrdinalIgnoreCase)
            || message.Text.Contains("www.", StringComparison.OrdinalIgnoreCase));

    public static string Warn(ReplyContext ctx)
    {
        var who = ctx.User?.DisplayName ?? "friend";
        return ctx.Message is { } m && IsUnwelcomeLink(m)
            ? $"@{who} please don't post links here unless you're a subscriber — a moderator will take a look."
            : $"@{who} easy on the caps, please 🙂";
    }
}

Bot.AddTrigger(new ModerationTrigger
{
    Name = "moderation",
    Handler = (ctx, _) => ValueTask.FromResult<string?>(Moderation.Warn(ctx)),
});
