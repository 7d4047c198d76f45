namespace ChatBotKit.Twitch.Helix;

/// <summary>The bearer token a <see cref="HelixClient"/> calls with: the bot user's, or the application's.</summary>
internal interface IHelixToken
{
    /// <summary>The application's client id, sent as <c>Client-Id</c>.</summary>
    string? ClientId { get; }

    /// <summary>The token to call with now (an application token is fetched on first use).</summary>
    ValueTask<string> GetAsync(CancellationToken cancellationToken);

    /// <summary>Replaces <paramref name="refused"/> after Twitch answered 401, unless another caller already did.</summary>
    /// <exception cref="ChatBotKitException">No new token can be had (a user token Twitch rejected for good: <see cref="TwitchTokenRejectedException"/>).</exception>
    Task RenewAsync(string refused, CancellationToken cancellationToken);
}
