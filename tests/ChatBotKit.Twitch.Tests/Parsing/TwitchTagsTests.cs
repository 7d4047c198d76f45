using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.Tests.Parsing;

/// <summary>The tags the event parser reads, checked against the one-tag-at-a-time reader.</summary>
public class TwitchTagsTests
{
    private const string Known = "badges=moderator/1;display-name=A\\sB;id=abc;user-id=42;tmi-sent-ts=1700000000000;first-msg=1;reply-parent-msg-id=p-1";

    public static TheoryData<int, string> Sections()
    {
        var data = new TheoryData<int, string>();
        foreach (var rest in new[] { string.Empty, "\r\n", " CMD", " :nick!nick@nick.tmi.twitch.tv PRIVMSG #chan :hi\r\n" })
        {
            foreach (var filler in new[] { 0, 1, 31, 64, 140 })
            {
                data.Add(filler, rest);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Read_AnySection_ReadsWhatTheTagReaderReads(int filler, string rest)
    {
        // The rest decides whether the section ends at a space, at the line ending or at the end of the text.
        var text = "@color=" + new string('x', filler) + ";" + Known + ";emotes=" + rest;
        var line = IrcLine.Parse(text);
        var tags = TwitchTags.Read(line.Tags);

        line.Tags.ToString().Should().Be("color=" + new string('x', filler) + ";" + Known + ";emotes=");
        tags.Badges.ToString().Should().Be(Reference(line, "badges"));
        tags.DisplayName.ToString().Should().Be(Reference(line, "display-name"));
        tags.Id.ToString().Should().Be(Reference(line, "id"));
        tags.UserId.ToString().Should().Be(Reference(line, "user-id"));
        tags.SentTs.ToString().Should().Be(Reference(line, "tmi-sent-ts"));
        tags.FirstMsg.ToString().Should().Be(Reference(line, "first-msg"));
        tags.ReplyParentMsgId.ToString().Should().Be("p-1");
        tags.Bits.IsEmpty.Should().BeTrue();
    }

    [Theory]
    [InlineData("@id=1")]
    [InlineData("@id=1\r\n")]
    [InlineData("@id=1 PING")]
    [InlineData("@x;id=1;=v;y= PING")]
    public void Read_ShortSections_AreReadWithoutTheLineEnding(string text) =>
        Read(text).Id.ToString().Should().Be("1");

    [Fact]
    public void Read_RepeatedTag_KeepsTheLastValue() =>
        Read("@user-id=1;user-id=2 PRIVMSG #c :x").UserId.ToString().Should().Be("2");

    [Fact]
    public void Read_ValueWithEqualsSign_IsSplitAtTheFirstOne() =>
        Read("@system-msg=a=b;mod=1 USERNOTICE #c").SystemMsg.ToString().Should().Be("a=b");

    [Fact]
    public void Read_TagWithoutValue_IsAbsent()
    {
        var tags = Read("@mod;ban-duration;vip=1 PRIVMSG #c :x");

        tags.Mod.IsEmpty.Should().BeTrue();
        tags.HasBanDuration.Should().BeFalse();
        tags.Vip.ToString().Should().Be("1");
    }

    [Fact]
    public void Read_EmptyBanDuration_IsPresent() => Read("@ban-duration= CLEARCHAT #c :u").HasBanDuration.Should().BeTrue();

    [Theory]
    [InlineData("@message-id=m PRIVMSG #c :x", "m")]
    [InlineData("@id=;message-id=m PRIVMSG #c :x", "m")]
    [InlineData("@message-id=m;id=i PRIVMSG #c :x", "i")]
    public void Read_Id_FallsBackToMessageId(string text, string expected) =>
        Read(text).Id.ToString().Should().Be(expected);

    [Fact]
    public void Read_NonAsciiValues_DoNotEndTheSection()
    {
        // U+013B and U+033D share their low byte with ';' and '=': a byte-wise scan would split here.
        var tags = Read("@display-name=\u013B\u033D\u0120;user-id=7 PRIVMSG #c :x");

        tags.DisplayName.ToString().Should().Be("\u013B\u033D\u0120");
        tags.UserId.ToString().Should().Be("7");
    }

    private static TwitchTags Read(string text) => TwitchTags.Read(IrcLine.Parse(text).Tags);

    private static string Reference(in IrcLine line, string key) =>
        line.TryGetTag(key, out var value) ? value.ToString() : throw new InvalidOperationException(key);
}
