//! name: quotes
//! description: Keeps the channel's best lines: !addquote saves one (moderators and VIPs), !quote shows one. No language model.
//! author: ChatBotKit contributors
//! version: 1.0.0
// preset:quotes: a quote book. Load it with  #load "preset:quotes".
// !addquote <text> (moderators, VIPs, the broadcaster) saves a line; !quote shows a random one and
// !quote <number> a given one. Quotes live in memory: a reload or restart starts the book afresh.

static class Quotes
{
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<string>> Books = new();

    public static string Add(ReplyContext ctx)
    {
        var text = ctx.Command?.ArgumentText.Trim() ?? "";
        if (text.Length == 0)
        {
            return "Usage: !addquote <what was said>";
        }

        var book = Books.GetOrAdd(ctx.Event.Channel, _ => []);
        lock (book)
        {
            book.Add(text);
            return $"📜 Quote #{book.Count} saved.";
        }
    }

    public static string Show(ReplyContext ctx)
    {
        if (!Books.TryGetValue(ctx.Event.Channel, out var book))
        {
            return "No quotes yet; a moderator can add one with !addquote.";
        }

        lock (book)
        {
            var asked = ctx.Command?.ArgumentText.Trim() ?? "";
            var number = int.TryParse(asked, out var n) ? n : ctx.Random.Next(1, book.Count + 1);
            return number >= 1 && number <= book.Count ? $"📜 #{number}: {book[number - 1]}" : $"There is no quote #{asked}; there are {book.Count}.";
        }
    }
}

Bot.OnCommand("addquote", ctx => Quotes.Add(ctx), requiredRoles: ChatRoles.Moderator | ChatRoles.Vip | ChatRoles.Broadcaster)
   .OnCommand("quote", ctx => Quotes.Show(ctx), cooldown: TimeSpan.FromSeconds(5));
