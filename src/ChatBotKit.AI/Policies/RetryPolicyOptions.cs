namespace ChatBotKit.AI.Policies;

/// <summary>How <see cref="RetryChatClient"/> retries: exponential backoff with jitter, honouring Retry-After.</summary>
public sealed record RetryPolicyOptions
{
    /// <summary>How many times a failed call is tried again (default 3).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially, with jitter (default 500 ms).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest backoff delay (default 10 s).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest Retry-After the policy waits for; a server asking for more fails the call at once (default 30 s).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether a call that timed out is tried again (default true).</summary>
    public bool RetryTimeouts { get; init; } = true;
}
