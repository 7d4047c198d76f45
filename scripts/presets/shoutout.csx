//! name: shoutout
//! description: !so <name> (moderators, VIPs, the broadcaster) gives another streamer a shout-out. No language model.
//! author: ChatBotKit contributors
//! version: 1.0.0
// preset:shoutout: shout-outs. Load it with  #load "preset:shoutout".
// !so <name> or !shoutout <name>, from a moderator, a VIP or the broadcaster, tells chat to go and
// follow another streamer. Set Shoutout:Message in the configuration to word it your way, with
// {name} where the name goes.

static class Shoutout
{
    public static string? Give(ReplyContext ctx, IReadOnlyDictionary<string, string> config)
    {
        var name = ctx.Command?.Arguments.FirstOrDefault()?.TrimStart('@');
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Usage: !so <name>";
        }

        var message = config.GetValueOrDefault("Shoutout:Message") ?? "📣 Go show {name} some love and give them a follow! 💜";
        return message.Replace("{name}", name, StringComparison.Ordinal);
    }
}

var shoutoutConfig = Config;
foreach (var command in new[] { "so", "shoutout" })
{
    Bot.OnCommand(command, ctx => Shoutout.Give(ctx, shoutoutConfig), requiredRoles: ChatRoles.Moderator | ChatRoles.Vip | ChatRoles.Broadcaster, cooldown: TimeSpan.FromSeconds(10));
}
