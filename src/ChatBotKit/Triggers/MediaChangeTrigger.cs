using ChatBotKit.Events;

namespace ChatBotKit.Triggers;

/// <summary>Fires when the media playing in the channel changes.</summary>
public sealed class MediaChangeTrigger : ChatTrigger
{
    /// <summary>The instruction used unless another is given: comment briefly on the new media.</summary>
    public const string DefaultInstruction = "The media playing in the channel just changed. Comment on it briefly, in one sentence.";

    /// <summary>Creates the trigger with <see cref="DefaultInstruction"/>.</summary>
    public MediaChangeTrigger() => Instruction = DefaultInstruction;

    /// <inheritdoc />
    public override string Kind => "media-change";

    /// <inheritdoc />
    public override bool Matches(in TriggerContext context) => context.Event is MediaChanged;
}
