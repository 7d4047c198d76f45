namespace ChatBotKit.Events;

/// <summary>A paid message (YouTube Super Chat or similar).</summary>
public sealed record SuperChatReceived : ChatEvent
{
    /// <summary>Who paid.</summary>
    public required ChatUser User { get; init; }

    /// <summary>The amount in the currency's major unit.</summary>
    public decimal Amount { get; init; }

    /// <summary>The ISO 4217 currency code.</summary>
    public string? Currency { get; init; }

    /// <summary>The amount as the platform displays it (for example <c>$5.00</c>).</summary>
    public string? DisplayAmount { get; init; }

    /// <summary>The message that came with the payment.</summary>
    public string? Text { get; init; }

    /// <inheritdoc />
    public override string Kind => "super-chat";

    /// <inheritdoc />
    public override ChatUser? Author => User;
}
