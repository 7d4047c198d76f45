using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.Tests.Parsing;

public class TwitchEmoteTests
{
    [Fact]
    public void Parse_EmojiBeforeEmotes_CountsCodePointsNotUtf16Units()
    {
        const string text = "👉 <3 👉 <3 👉 <3";

        var emotes = TwitchEmote.Parse("483:2-3,7-8,12-13", text);

        emotes.Should().HaveCount(3);
        emotes.Select(e => text.Substring(e.Start, e.Length)).Should().AllBe("<3");
        emotes.Should().OnlyContain(e => e.Id == "483");
    }

    [Fact]
    public void Parse_SeveralEmotes_SortedByPosition()
    {
        var line = IrcLine.Parse(TwitchTestData.Line("emotes=555555591:51-52"));
        var text = line.LastParameter.ToString();

        var emotes = TwitchEmote.Parse(line.GetTag("emotes"), text);

        emotes.Select(e => text.Substring(e.Start, e.Length)).Should().Equal("Kappa", "Keepo", "Kappa", "Kappa", "Keepo", "Keepo", ":)", ":)", ":P");
        emotes.Select(e => e.Id).Should().Equal("25", "1902", "25", "25", "1902", "1902", "1", "1", "555555591");
    }

    [Theory]
    [InlineData("25:0-99")]
    [InlineData("25:5-2")]
    [InlineData("garbage")]
    [InlineData("25:x-y")]
    public void Parse_OutOfRangeOrMalformed_Skipped(string tag) => TwitchEmote.Parse(tag, "Kappa").Should().BeEmpty();
}
