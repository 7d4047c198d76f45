using ChatBotKit.Events;

namespace ChatBotKit.RateLimiting;

/// <summary>
/// How often the bot may reply. The defaults suit a live chat: 2 per minute and 20 per hour per
/// channel, 5 per hour per user, 15 seconds between the bot's replies in a channel, and
/// moderators and the broadcaster exempt from the per-user limit and trigger cooldowns.
/// </summary>
public sealed record RateLimitPolicy
{
    /// <summary>The defaults described above.</summary>
    public static RateLimitPolicy Default { get; } = new();

    /// <summary>No limits at all (tests, benchmarks, private bots).</summary>
    public static RateLimitPolicy Unlimited { get; } = new()
    {
        PerUser = [],
        PerChannel = [],
        Global = [],
        MinimumGap = TimeSpan.Zero,
    };

    /// <summary>Windows counted per user per channel. Default 5 per hour.</summary>
    public IReadOnlyList<RateWindow> PerUser { get; init; } = [RateWindow.PerHour(5)];

    /// <summary>Windows counted per channel. Default 2 per minute and 20 per hour.</summary>
    public IReadOnlyList<RateWindow> PerChannel { get; init; } = [RateWindow.PerMinute(2), RateWindow.PerHour(20)];

    /// <summary>Windows counted across all channels. Default none.</summary>
    public IReadOnlyList<RateWindow> Global { get; init; } = [];

    /// <summary>The shortest time between two of the bot's replies in one channel. Default 15 seconds.</summary>
    public TimeSpan MinimumGap { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Scales the per-user limits for users holding a role; the largest multiplier of a user's
    /// roles applies. <see cref="double.PositiveInfinity"/> exempts the role from per-user limits
    /// and trigger cooldowns (channel and global limits still apply). Default: moderators and the
    /// broadcaster exempt.
    /// </summary>
    public IReadOnlyDictionary<ChatRoles, double> RoleMultipliers { get; init; } = new Dictionary<ChatRoles, double>
    {
        [ChatRoles.Moderator] = double.PositiveInfinity,
        [ChatRoles.Broadcaster] = double.PositiveInfinity,
    };

    /// <summary>The multiplier for a user with <paramref name="roles"/> (1 when none applies).</summary>
    public double MultiplierFor(ChatRoles roles)
    {
        double? best = null;
        if (roles == ChatRoles.None)
        {
            return 1.0;
        }

        foreach (var (role, multiplier) in RoleMultipliers)
        {
            if ((roles & role) != 0 && (best is null || multiplier > best))
            {
                best = multiplier;
            }
        }

        return best ?? 1.0;
    }

    /// <summary>Checks every setting; <paramref name="path"/> prefixes the setting names in errors.</summary>
    /// <exception cref="ChatBotConfigurationException">A setting is invalid.</exception>
    public void Validate(string path = "RateLimits")
    {
        ValidateWindows(PerUser, $"{path}.PerUser");
        ValidateWindows(PerChannel, $"{path}.PerChannel");
        ValidateWindows(Global, $"{path}.Global");
        if (MinimumGap < TimeSpan.Zero)
        {
            throw new ChatBotConfigurationException($"{path}.MinimumGap", $"must not be negative (was {MinimumGap})");
        }

        foreach (var (role, multiplier) in RoleMultipliers)
        {
            if (double.IsNaN(multiplier) || multiplier <= 0)
            {
                throw new ChatBotConfigurationException($"{path}.RoleMultipliers[{role}]", $"must be greater than 0 (was {multiplier})");
            }
        }
    }

    private static void ValidateWindows(IReadOnlyList<RateWindow> windows, string path)
    {
        for (var i = 0; i < windows.Count; i++)
        {
            if (windows[i].Limit < 1)
            {
                throw new ChatBotConfigurationException($"{path}[{i}].Limit", $"must be at least 1 (was {windows[i].Limit})");
            }

            if (windows[i].Window <= TimeSpan.Zero)
            {
                throw new ChatBotConfigurationException($"{path}[{i}].Window", $"must be positive (was {windows[i].Window})");
            }
        }
    }
}
