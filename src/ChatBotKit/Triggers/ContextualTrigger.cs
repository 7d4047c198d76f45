using System.Text;
using ChatBotKit.Events;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Triggers;

/// <summary>
/// Lets the LLM decide whether to join in. A cheap pre-check runs on every public message (enough
/// messages since the bot spoke, a message of at least <see cref="MinWords"/> words); when it
/// passes, and at most once per <see cref="ChatTrigger.Cooldown"/> per channel, the LLM is asked
/// a yes/no question over the recent conversation. Only a "yes" makes the bot reply.
/// </summary>
public sealed class ContextualTrigger : ChatTrigger
{
    /// <summary>How often the trigger asks per channel unless told otherwise: once a minute.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    /// <summary>Creates the trigger with a cooldown of <see cref="DefaultInterval"/>, confirming each reply with <see cref="ConfirmAsync"/>.</summary>
    public ContextualTrigger()
    {
        Cooldown = DefaultInterval;
        Responder = new TriggerResponder { Confirm = ConfirmAsync };
    }

    /// <summary>Viewer messages needed since the bot last spoke before asking. Default 5.</summary>
    public int MinMessagesSinceBot { get; init; } = 5;

    /// <summary>Words the latest message needs before asking. Default 3.</summary>
    public int MinWords { get; init; } = 3;

    /// <summary>How many recent lines the question shows the LLM. Default 15.</summary>
    public int LinesShown { get; init; } = 15;

    /// <inheritdoc />
    public override string Kind => "contextual";

    /// <inheritdoc />
    public override bool Matches(in TriggerContext context) =>
        context.Message is { MessageKind: MessageKind.Public } message &&
        context.MessagesSinceBotSpoke >= MinMessagesSinceBot &&
        CountWords(message.Text, MinWords) >= MinWords;

    /// <summary>Asks the LLM, over the last <see cref="LinesShown"/> lines, whether the bot should join in; only a "yes" confirms.</summary>
    public async ValueTask<bool> ConfirmAsync(ReplyContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var transcript = new StringBuilder();
        var history = context.History;
        for (var i = Math.Max(0, history.Count - LinesShown); i < history.Count; i++)
        {
            transcript.Append(history[i].UserName).Append(": ").AppendLine(history[i].Text);
        }

        ChatMessage[] question =
        [
            new(ChatRole.System,
                $"You decide whether the chat bot '{context.Bot.Name}' should join a live-stream chat conversation. " +
                "Answer with exactly one word: yes or no. Say yes only when the bot has something useful or fun to add."),
            new(ChatRole.User, transcript.ToString()),
        ];
        var response = await context.ChatClient
            .GetResponseAsync(question, new ChatOptions { MaxOutputTokens = 3, Temperature = 0 }, cancellationToken)
            .ConfigureAwait(false);
        return IsYes(response.Text);
    }

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        if (MinMessagesSinceBot < 0)
        {
            throw new ChatBotConfigurationException($"{path}.MinMessagesSinceBot", $"must not be negative (was {MinMessagesSinceBot})");
        }

        if (MinWords < 0)
        {
            throw new ChatBotConfigurationException($"{path}.MinWords", $"must not be negative (was {MinWords})");
        }

        if (LinesShown < 1)
        {
            throw new ChatBotConfigurationException($"{path}.LinesShown", $"must be at least 1 (was {LinesShown})");
        }
    }

    // The answer's first word must be "yes": "Yes." counts, "yesterday" or "yessir" do not.
    private static bool IsYes(string answer)
    {
        var text = answer.AsSpan().TrimStart();
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return text[..end].Equals("yes", StringComparison.OrdinalIgnoreCase);
    }

    private static int CountWords(string text, int enough)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = !char.IsWhiteSpace(c);
            if (letter && !inWord && ++count >= enough)
            {
                return count;
            }

            inWord = letter;
        }

        return count;
    }
}
