namespace ChatBotKit.Triggers;

/// <summary>
/// Joins the conversation now and then: matches a public message once at least
/// <see cref="MinMessagesSinceBot"/> viewer messages have passed since the bot last spoke, and
/// then fires with <see cref="ChatTrigger.Probability"/>.
/// </summary>
public sealed class AmbientTrigger : ChatTrigger
{
    /// <summary>Creates the trigger with a 5 % chance per message and a 10-message quiet period.</summary>
    public AmbientTrigger() => Probability = 0.05;

    /// <summary>Viewer messages that must pass after the bot spoke before it may chime in. Default 10.</summary>
    public int MinMessagesSinceBot { get; init; } = 10;

    /// <inheritdoc />
    public override string Kind => "ambient";

    /// <inheritdoc />
    public override bool Matches(in TriggerContext context) =>
        context.Message is { MessageKind: not Events.MessageKind.Private } &&
        context.MessagesSinceBotSpoke >= MinMessagesSinceBot;

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        if (MinMessagesSinceBot < 0)
        {
            throw new ChatBotConfigurationException($"{path}.MinMessagesSinceBot", $"must not be negative (was {MinMessagesSinceBot})");
        }
    }
}
