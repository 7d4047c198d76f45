using ChatBotKit.Filters;
using static ChatBotKit.Tests.Filters.FilterContexts;

namespace ChatBotKit.Tests.Filters;

public sealed class ResponseFilterSettingsTests
{
    [Fact]
    public void CreateFilters_Defaults_StandardOrder()
    {
        var names = ResponseFilterSettings.Default.CreateFilters().Select(f => f.Name);
        names.Should().Equal("think", "markdown", "control-characters", "name-prefix", "ai-disclaimer", "substance", "duplicate", "max-length", "command-prefix");
    }

    [Fact]
    public void CreateFilters_BlocklistAndCustom_InsertedInPlace()
    {
        var custom = new UpperCaseFilter();
        var settings = ResponseFilterSettings.Default with { BlockedWords = ["spoiler"], Custom = [custom], StripMarkdown = false, DuplicateLookback = 0 };
        var filters = settings.CreateFilters();
        filters.Select(f => f.Name).Should().Equal("think", "control-characters", "name-prefix", "ai-disclaimer", "blocklist", "substance", "upper", "max-length", "command-prefix");
        filters[6].Should().BeSameAs(custom);
    }

    [Fact]
    public void CreateFilters_Settings_ReachTheFilters()
    {
        var filters = (ResponseFilterSettings.Default with { LongReplies = LongReplyMode.Cut, MaxParts = 3, DuplicateSimilarity = 0.6 }).CreateFilters();
        filters.OfType<MaxLengthFilter>().Single().Should().Match<MaxLengthFilter>(f => f.Mode == LongReplyMode.Cut && f.MaxParts == 3);
        filters.OfType<DuplicateFilter>().Single().Should().Match<DuplicateFilter>(f => f.Threshold == 0.6 && f.MessagesPerReply == 1);
        ResponseFilterSettings.Default.CreateFilters().OfType<DuplicateFilter>().Single().MessagesPerReply.Should().Be(2);
    }

    [Fact]
    public void Chain_LongMarkdownReplyWithThinkAndPrefix_TwoCleanParts()
    {
        var reply = """
            <think>They want the route. I'll use a list.</think>
            kit: **Great question!** Here's the route:

            1. Skip the *first* cutscene.
            2. Grab the `double jump` early.
            3. /ban the boss with [this trick](https://example.com/trick).

            As an AI, I can't play it myself. Good luck, and have fun!
            """;
        var chain = new ResponseFilterChain(ResponseFilterSettings.Default.CreateFilters());

        var outcome = chain.Apply(reply, FilterContext(maxLength: 90));

        outcome.IsRejected.Should().BeFalse();
        outcome.Messages.Should().Equal(
            "Great question! Here's the route: Skip the first cutscene. Grab the double jump early.",
            "ban the boss with this trick (https://example.com/trick). Good luck, and have fun!");
        outcome.Messages.Should().OnlyContain(m => m.Length <= 90 && !m.StartsWith('/') && !m.StartsWith('.'));
    }

    [Theory]
    [InlineData("<think>nothing to add</think>", "think", "empty")]
    [InlineData("kit: *stays quiet*", "substance", "non-substantive")]
    [InlineData("As an AI, I have no opinion.", "ai-disclaimer", "empty")]
    [InlineData("**kit:**", "name-prefix", "empty")]
    [InlineData("I said this already!", "duplicate", "duplicate")]
    public void Chain_Rejection_NamesFilterAndReason(string reply, string filter, string reason)
    {
        var chain = new ResponseFilterChain(ResponseFilterSettings.Default.CreateFilters());
        var outcome = chain.Apply(reply, FilterContext(recent: ["I said this already."]));
        outcome.Should().Match<FilterOutcome>(o => o.IsRejected && o.RejectedBy == filter && o.Reason == reason);
    }

    [Fact]
    public void EveryFilter_HostileInput_NeverThrowsAndKeepsContract()
    {
        var settings = ResponseFilterSettings.Default with { BlockedWords = ["ass"], BlockedPatterns = [@"(\w+\s?)*!$"] };
        var filters = settings.CreateFilters();
        var context = FilterContext(maxLength: 50, recent: ["kit: hello", "*** [x](y) ``` <think>"], aliases: ["kb"]);
        var random = new Random(42);
        const string alphabet = "aZ9 \n\t\r\0\u0007*_`~#>-+=[]()!<>/\\.:@\u2026\uD83C\uDF89\uD800\uDC00kit<think></think>";
        string[] fixedInputs = ["", " ", "\uD800", "\uDC00x", new string('w', 100_000), string.Concat(Enumerable.Repeat("a*b_c `d [e](f) <think> ", 4_000))];
        var inputs = fixedInputs.Concat(Enumerable.Range(0, 300).Select(_ =>
            new string([.. Enumerable.Range(0, random.Next(0, 200)).Select(_ => alphabet[random.Next(alphabet.Length)])])));

        var accepted = 0;
        foreach (var input in inputs)
        {
            foreach (var filter in filters)
            {
                var result = filter.Apply(input, context);
                (result.IsRejected || result.Text is not null || result.Parts is not null).Should().BeTrue(filter.Name);
            }

            var outcome = new ResponseFilterChain(filters).Apply(input, context);
            accepted += outcome.IsRejected ? 0 : 1;
            outcome.Messages.Where(m => m.Length == 0 || m.Length > 50 || m[0] is '/' or '.' || m.Contains('\n')).Should().BeEmpty(input);
        }

        accepted.Should().BeGreaterThan(200, "most random inputs have something to say");
    }

    [Fact]
    public void Chain_BlockedWordInMarkdown_RejectedByBlocklist()
    {
        var chain = new ResponseFilterChain((ResponseFilterSettings.Default with { BlockedWords = ["spoiler"] }).CreateFilters());
        var outcome = chain.Apply("Big **SPOILER**: he lives", FilterContext());
        outcome.Should().Match<FilterOutcome>(o => o.RejectedBy == "blocklist" && o.Reason == "blocked-word");
    }

    [Theory]
    [InlineData("(unclosed", "Filters.BlockedPatterns[1]")]
    [InlineData("", "Filters.BlockedPatterns[1]")]
    public void Validate_BadPattern_NamesSetting(string pattern, string setting)
    {
        var settings = ResponseFilterSettings.Default with { BlockedPatterns = ["ok", pattern] };
        Action act = () => settings.Validate();
        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be(setting);
    }

    [Fact]
    public void Validate_OtherBadSettings_NameSetting()
    {
        Setting(s => s with { MaxParts = 0 }).Should().Be("Filters.MaxParts");
        Setting(s => s with { DuplicateSimilarity = 1.5 }).Should().Be("Filters.DuplicateSimilarity");
        Setting(s => s with { DuplicateLookback = -1 }).Should().Be("Filters.DuplicateLookback");
        Setting(s => s with { BlockedWords = ["fine", " "] }).Should().Be("Filters.BlockedWords[1]");
        Setting(s => s with { Custom = [null!] }).Should().Be("Filters.Custom[0]");
    }

    [Fact]
    public void Build_InvalidPattern_FailsNamingSetting()
    {
        var act = () => new ChatBotBuilder("kit").WithFilters(f => f with { BlockedPatterns = ["[a-"] }).Build();
        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Filters.BlockedPatterns[0]");
    }

    [Fact]
    public void Build_WithFiltersAndAddFilter_ChainUsesThem()
    {
        var custom = new UpperCaseFilter();
        var definition = new ChatBotBuilder("kit")
            .WithFilters(f => f with { BlockedWords = ["spoiler"], LongReplies = LongReplyMode.Cut })
            .AddFilter(custom)
            .Build();

        definition.Filters.Filters.Should().Contain(custom).And.ContainSingle(f => f is BlocklistFilter);
        definition.Filters.Apply("kit: hello there", FilterContext()).Messages.Should().Equal("HELLO THERE");
    }

    private static string Setting(Func<ResponseFilterSettings, ResponseFilterSettings> change)
    {
        var settings = change(ResponseFilterSettings.Default);
        Action act = () => settings.Validate();
        return act.Should().Throw<ChatBotConfigurationException>().Which.Setting;
    }

    private sealed class UpperCaseFilter : IResponseFilter
    {
        public string Name => "upper";

        public FilterResult Apply(string text, ResponseFilterContext context) => FilterResult.Keep(text.ToUpperInvariant());
    }
}
