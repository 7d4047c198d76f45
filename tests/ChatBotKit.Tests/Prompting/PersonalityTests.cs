using ChatBotKit.Prompting;

namespace ChatBotKit.Tests.Prompting;

public sealed class PersonalityTests
{
    [Theory]
    [InlineData(ResponseLength.Short, 60, 2)]
    [InlineData(ResponseLength.Medium, 120, 3)]
    [InlineData(ResponseLength.Long, 250, 5)]
    public void Budgets_Length_MapToTokensAndSentences(ResponseLength length, int tokens, int sentences)
    {
        var personality = new Personality { Length = length };

        personality.MaxOutputTokens.Should().Be(tokens);
        personality.MaxSentences.Should().Be(sentences);
    }

    [Fact]
    public void Defaults_FriendlyAndShort()
    {
        var personality = new Personality();

        personality.Preset.Should().Be(PersonalityPreset.Friendly);
        personality.Length.Should().Be(ResponseLength.Short);
        personality.CustomInstructions.Should().BeNull();
    }

    [Fact]
    public void PresetInstructions_EachPreset_IsDistinct()
    {
        var texts = Enum.GetValues<PersonalityPreset>().Select(p => new Personality { Preset = p }.PresetInstructions).ToList();

        texts.Should().OnlyHaveUniqueItems().And.AllSatisfy(t => t.Should().NotBeNullOrWhiteSpace());
    }

    [Fact]
    public void StaticPresets_MatchTheirPreset()
    {
        Personality.Friendly.Preset.Should().Be(PersonalityPreset.Friendly);
        Personality.Professional.Preset.Should().Be(PersonalityPreset.Professional);
        Personality.Humorous.Preset.Should().Be(PersonalityPreset.Humorous);
        Personality.Supportive.Preset.Should().Be(PersonalityPreset.Supportive);
    }
}
