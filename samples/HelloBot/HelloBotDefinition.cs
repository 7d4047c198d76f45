using ChatBotKit;
using ChatBotKit.Prompting;
using ChatBotKit.RateLimiting;

namespace HelloBot;

/// <summary>The example bot: what it is called, how it sounds and when it speaks.</summary>
internal static class HelloBotDefinition
{
    public static ChatBotDefinition Build() =>
        new ChatBotBuilder("kit")
            // Viewers may write "kit", "@kit" or "kitbot"; matching ignores case and needs whole words.
            .WithAliases("kitbot")
            .WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short)
            .WithFacts("This is the ChatBotKit example bot.")
            // Mentions are answered by the language model (the offline responder when none is set).
            .OnMention()
            // !dice is answered by code, without the language model.
            .OnCommand("dice", ctx => $"🎲 {ctx.Random.Next(1, 7)}")
            // At most 3 replies per viewer per minute. The channel may have 10 a minute and no
            // minimum gap, so a quick local try is not held back; live channels should keep the
            // defaults (2 a minute, 15 s apart).
            .WithRateLimits(r => r with
            {
                PerUser = [RateWindow.PerMinute(3)],
                PerChannel = [RateWindow.PerMinute(10)],
                MinimumGap = TimeSpan.Zero,
            })
            .Build();
}
