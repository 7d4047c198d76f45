namespace ChatBotKit.Sources;

/// <summary>
/// What became of a message handed to <see cref="IChatSource.SendAsync"/>: sent, queued to be sent
/// when the platform's limits allow, or dropped with the reason. The engine records a dropped reply
/// as not sent, and it never enters the context window.
/// </summary>
/// <param name="Status">Sent, queued or dropped.</param>
/// <param name="Reason">Why a message was dropped, in a few words (<see langword="null"/> otherwise).</param>
public readonly record struct SendResult(SendStatus Status, string? Reason = null)
{
    /// <summary>The platform has the message.</summary>
    public static SendResult Sent { get; } = new(SendStatus.Sent);

    /// <summary>The message waits in the source's queue and goes out when the platform's limits allow.</summary>
    public static SendResult Queued { get; } = new(SendStatus.Queued);

    /// <summary>Whether the message was sent or is on its way.</summary>
    public bool IsAccepted => Status != SendStatus.Dropped;

    /// <summary>The message will never be sent, because of <paramref name="reason"/>.</summary>
    public static SendResult Dropped(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(SendStatus.Dropped, reason);
    }
}
