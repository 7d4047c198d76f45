using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>
/// Sign-ins to the dashboard: checks the token in constant time and hands out random session ids (the
/// cookie's value) that end after <see cref="ChatBotDashboardOptions.SessionLifetime"/>.
/// </summary>
internal sealed class DashboardSessions(ChatBotDashboardOptions options, TimeProvider time)
{
    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "streambot-dashboard";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _sessions = new(StringComparer.Ordinal);

    /// <summary>What a request's cookie says.</summary>
    public enum State
    {
        /// <summary>No cookie, or one this process never issued.</summary>
        Missing,

        /// <summary>A session that has ended.</summary>
        Expired,

        /// <summary>A live session.</summary>
        Valid,
    }

    /// <summary>Whether <paramref name="presented"/> is the token; the comparison takes the same time whatever it is.</summary>
    public bool TokenMatches(string? presented)
    {
        if (options.Token is not { } token || presented is null)
        {
            return false;
        }

        // Hashing first makes both sides the same length, so not even the length leaks.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Starts a session; returns its id and when it ends.</summary>
    public (string Id, DateTimeOffset Expires) Start()
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = time.GetUtcNow() + options.SessionLifetime;
        _sessions[id] = expires;
        return (id, expires);
    }

    /// <summary>Checks the session <paramref name="id"/>; an ended one is forgotten.</summary>
    public State Check(string? id)
    {
        if (id is null || !_sessions.TryGetValue(id, out var expires))
        {
            return State.Missing;
        }

        if (expires > time.GetUtcNow())
        {
            return State.Valid;
        }

        _sessions.TryRemove(id, out _);
        return State.Expired;
    }

    /// <summary>A new random token for a dashboard that listens beyond loopback.</summary>
    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
