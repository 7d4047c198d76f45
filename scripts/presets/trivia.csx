//! name: trivia
//! description: A quiz host: !trivia asks, !answer answers, !score and !top show the points. No language model.
//! author: ChatBotKit contributors
//! version: 1.0.0
// preset:trivia: a quiz host. Load it with  #load "preset:trivia".
// Commands: !trivia asks a question, !answer <text> answers it, !score shows your points,
// !top shows the leaderboard. Scores live in memory: a reload or restart starts them afresh.
// None of these commands uses the language model.

record TriviaQuestion(string Question, string Answer);

static class Trivia
{
    public static readonly TriviaQuestion[] Questions =
    [
        new("What is the capital of France?", "paris"),
        new("How many sides does a hexagon have?", "6"),
        new("Which planet is known as the red planet?", "mars"),
        new("What gas do plants take in from the air?", "carbon dioxide"),
        new("How many minutes are in an hour?", "60"),
    ];

    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TriviaQuestion> Open = new();
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Scores = new();

    public static string Ask(ReplyContext ctx)
    {
        var question = Questions[ctx.Random.Next(Questions.Length)];
        Open[ctx.Event.Channel] = question;
        return $"❓ {question.Question} (answer with !answer ...)";
    }

    public static string? Answer(ReplyContext ctx)
    {
        var guess = ctx.Command?.ArgumentText.Trim() ?? "";
        var who = ctx.User?.DisplayName ?? "someone";
        if (!Open.TryGetValue(ctx.Event.Channel, out var question))
        {
            return "No question is open; type !trivia for one.";
        }

        if (!string.Equals(guess, question.Answer, StringComparison.OrdinalIgnoreCase))
        {
            return $"Not quite, {who}!";
        }

        Open.TryRemove(ctx.Event.Channel, out _);
        var points = Scores.AddOrUpdate(who, 1, (_, p) => p + 1);
        return $"✅ {who} got it: {question.Answer}! ({points} point{(points == 1 ? "" : "s")})";
    }

    public static string Score(ReplyContext ctx)
    {
        var who = ctx.User?.DisplayName ?? "someone";
        return $"{who} has {Scores.GetValueOrDefault(who)} point(s).";
    }

    public static string Top() =>
        Scores.IsEmpty
            ? "No points yet; type !trivia to play."
            : "🏆 " + string.Join(", ", Scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(3).Select(s => $"{s.Key} {s.Value}"));
}

Bot.OnCommand("trivia", ctx => Trivia.Ask(ctx), cooldown: TimeSpan.FromSeconds(10))
   .OnCommand("answer", ctx => Trivia.Answer(ctx))
   .OnCommand("score", ctx => Trivia.Score(ctx))
   .OnCommand("top", ctx => Trivia.Top());
