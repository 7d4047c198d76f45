namespace ChatBotKit.Events;

/// <summary>A user cheered bits.</summary>
public sealed record BitsCheered : ChatEvent
{
    /// <summary>Who cheered.</summary>
    public required ChatUser User { get; init; }

    /// <summary>How many bits.</summary>
    public int Bits { get; init; }

    /// <summary>The message that came with the cheer.</summary>
    public string? Text { get; init; }

    /// <inheritdoc />
    public override string Kind => "cheer";

    /// <inheritdoc />
    public override ChatUser? Author => User;
}
