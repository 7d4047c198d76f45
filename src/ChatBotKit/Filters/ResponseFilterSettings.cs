using System.Text.RegularExpressions;

namespace ChatBotKit.Filters;

/// <summary>The settings of the standard filter chain. <see cref="CreateFilters"/> builds it.</summary>
public sealed record ResponseFilterSettings
{
    /// <summary>The defaults.</summary>
    public static ResponseFilterSettings Default { get; } = new();

    /// <summary>How to fit long replies into the platform's limit. Default <see cref="LongReplyMode.Split"/>.</summary>
    public LongReplyMode LongReplies { get; init; } = LongReplyMode.Split;

    /// <summary>The most messages one reply may become when split. Default 2.</summary>
    public int MaxParts { get; init; } = 2;

    /// <summary>Words (whole words, any case) that make a reply unsendable.</summary>
    public IReadOnlyList<string> BlockedWords { get; init; } = [];

    /// <summary>Regular expressions (case-insensitive) that make a reply unsendable.</summary>
    public IReadOnlyList<string> BlockedPatterns { get; init; } = [];

    /// <summary>How similar (0–1) a reply may be to one of the bot's recent messages before it is a duplicate. Default 0.8.</summary>
    public double DuplicateSimilarity { get; init; } = 0.8;

    /// <summary>How many of the bot's recent messages to compare against. Default 5.</summary>
    public int DuplicateLookback { get; init; } = 5;

    /// <summary>Whether to strip markdown the model produces. Default <see langword="true"/>.</summary>
    public bool StripMarkdown { get; init; } = true;

    /// <summary>Your own filters; they run after the built-in clean-up and checks, before length fitting.</summary>
    public IReadOnlyList<IResponseFilter> Custom { get; init; } = [];

    /// <summary>Checks every setting; <paramref name="path"/> prefixes the setting names in errors.</summary>
    /// <exception cref="ChatBotConfigurationException">A setting is invalid.</exception>
    public void Validate(string path = "Filters")
    {
        if (MaxParts < 1)
        {
            throw new ChatBotConfigurationException($"{path}.MaxParts", $"must be at least 1 (was {MaxParts})");
        }

        if (double.IsNaN(DuplicateSimilarity) || DuplicateSimilarity is <= 0 or > 1)
        {
            throw new ChatBotConfigurationException($"{path}.DuplicateSimilarity", $"must be greater than 0 and at most 1 (was {DuplicateSimilarity})");
        }

        if (DuplicateLookback < 0)
        {
            throw new ChatBotConfigurationException($"{path}.DuplicateLookback", $"must not be negative (was {DuplicateLookback})");
        }

        for (var i = 0; i < BlockedWords.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(BlockedWords[i]))
            {
                throw new ChatBotConfigurationException($"{path}.BlockedWords[{i}]", "must not be empty");
            }
        }

        for (var i = 0; i < BlockedPatterns.Count; i++)
        {
            BlocklistFilter.CreatePattern(BlockedPatterns[i], Regex.InfiniteMatchTimeout, $"{path}.BlockedPatterns[{i}]");
        }

        for (var i = 0; i < Custom.Count; i++)
        {
            if (Custom[i] is null)
            {
                throw new ChatBotConfigurationException($"{path}.Custom[{i}]", "must not be null");
            }
        }
    }

    /// <summary>
    /// Builds the standard chain, in order: think, markdown (when <see cref="StripMarkdown"/>),
    /// control-characters, name-prefix, ai-disclaimer, blocklist (when words or patterns are set),
    /// substance, the <see cref="Custom"/> filters, duplicate (when <see cref="DuplicateLookback"/>
    /// is above zero), max-length and command-prefix.
    /// </summary>
    /// <exception cref="ChatBotConfigurationException">A setting is invalid (see <see cref="Validate"/>).</exception>
    public IReadOnlyList<IResponseFilter> CreateFilters()
    {
        Validate();
        List<IResponseFilter> filters = [new ThinkBlockFilter()];
        if (StripMarkdown)
        {
            filters.Add(new MarkdownFilter());
        }

        filters.AddRange([new ControlCharacterFilter(), new NamePrefixFilter(), new AiDisclaimerFilter()]);
        if (BlockedWords.Count > 0 || BlockedPatterns.Count > 0)
        {
            filters.Add(new BlocklistFilter(BlockedWords, BlockedPatterns));
        }

        filters.Add(new SubstanceFilter());
        filters.AddRange(Custom);
        if (DuplicateLookback > 0)
        {
            filters.Add(new DuplicateFilter(DuplicateSimilarity, LongReplies == LongReplyMode.Split ? MaxParts : 1));
        }

        filters.Add(new MaxLengthFilter(LongReplies, MaxParts));
        filters.Add(new CommandPrefixFilter());
        return filters;
    }
}
