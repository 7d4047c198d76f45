namespace ChatBotKit.Triggers;

/// <summary>Fires when a public message contains one of the keywords or phrases as whole words, in any letter case.</summary>
public sealed class KeywordTrigger : ChatTrigger
{
    /// <summary>Creates the trigger.</summary>
    public KeywordTrigger(params IEnumerable<string> keywords) => Keywords = [.. keywords];

    /// <summary>The words or phrases to look for.</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <inheritdoc />
    public override string Kind => "keyword";

    /// <inheritdoc />
    public override bool Matches(in TriggerContext context)
    {
        if (context.Message is not { MessageKind: not Events.MessageKind.Private } message)
        {
            return false;
        }

        for (var i = 0; i < Keywords.Count; i++)
        {
            if (WordMatcher.ContainsWord(message.Text, Keywords[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        if (Keywords.Count == 0)
        {
            throw new ChatBotConfigurationException($"{path}.Keywords", "needs at least one keyword");
        }

        for (var i = 0; i < Keywords.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Keywords[i]))
            {
                throw new ChatBotConfigurationException($"{path}.Keywords[{i}]", "must not be empty");
            }
        }
    }
}
