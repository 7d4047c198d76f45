using System.Text.RegularExpressions;

namespace ChatBotKit.Triggers;

/// <summary>
/// Fires when a public message matches a regular expression. Matching is case-insensitive and
/// gives up after <see cref="MatchTimeout"/>, so a pathological message cannot stall a channel.
/// </summary>
public sealed class RegexTrigger : ChatTrigger
{
    /// <summary>Creates the trigger.</summary>
    /// <exception cref="ChatBotConfigurationException">The pattern does not parse.</exception>
    public RegexTrigger(string pattern, TimeSpan? matchTimeout = null)
    {
        Pattern = pattern;
        MatchTimeout = matchTimeout ?? TimeSpan.FromMilliseconds(50);
        try
        {
            Regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new ChatBotConfigurationException($"RegexTrigger.Pattern '{pattern}'", ex.Message);
        }
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>How long one match may take. Default 50 ms.</summary>
    public TimeSpan MatchTimeout { get; }

    /// <summary>The compiled expression.</summary>
    public Regex Regex { get; }

    /// <inheritdoc />
    public override string Kind => "regex";

    /// <inheritdoc />
    public override bool Matches(in TriggerContext context)
    {
        if (context.Message is not { MessageKind: not Events.MessageKind.Private } message)
        {
            return false;
        }

        try
        {
            return Regex.IsMatch(message.Text.AsSpan());
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
