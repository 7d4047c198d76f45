namespace ChatBotKit.Twitch.Auth;

/// <summary>What the user is shown to approve a device: open <see cref="VerificationUri"/> and enter <see cref="UserCode"/> before <see cref="ExpiresAt"/>.</summary>
public sealed class TwitchDeviceCode
{
    internal TwitchDeviceCode(string deviceCode, string userCode, Uri verificationUri, TimeSpan interval, DateTimeOffset expiresAt, string clientId, string scopes)
    {
        (DeviceCode, UserCode, VerificationUri, Interval, ExpiresAt, ClientId, Scopes) = (deviceCode, userCode, verificationUri, interval, expiresAt, clientId, scopes);
    }

    /// <summary>The code the user enters at <see cref="VerificationUri"/>.</summary>
    public string UserCode { get; }

    /// <summary>Where the user approves the bot.</summary>
    public Uri VerificationUri { get; }

    /// <summary>When the code stops working.</summary>
    public DateTimeOffset ExpiresAt { get; }

    internal string DeviceCode { get; }

    internal TimeSpan Interval { get; }

    internal string ClientId { get; }

    internal string Scopes { get; }

    /// <inheritdoc />
    public override string ToString() => $"Open {VerificationUri} and enter {UserCode}";
}
