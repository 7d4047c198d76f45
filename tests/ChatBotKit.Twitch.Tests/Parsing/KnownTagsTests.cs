using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.Tests.Parsing;

/// <summary>
/// The tag index built while a line is split: checked against the plain one-tag-at-a-time reader,
/// with tag sections of every length around the 64-character windows the scan reads.
/// </summary>
public class KnownTagsTests
{
    private const string Known = "badges=moderator/1;display-name=A\\sB;id=abc;user-id=42;tmi-sent-ts=1700000000000;first-msg=1;reply-parent-msg-id=p-1";

    public static TheoryData<int, string> Sections()
    {
        var data = new TheoryData<int, string>();
        foreach (var rest in new[] { string.Empty, "\r\n", " CMD", " :nick!nick@nick.tmi.twitch.tv PRIVMSG #chan :hi\r\n" })
        {
            for (var filler = 0; filler <= 140; filler++)
            {
                data.Add(filler, rest);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Known_AnySectionLength_ReadsWhatTheTagReaderReads(int filler, string rest)
    {
        // The filler moves every known tag across the window boundaries; the rest decides whether the
        // section ends at a space, at the line ending or at the end of the text.
        var text = "@color=" + new string('x', filler) + ";" + Known + ";emotes=" + rest;
        var line = IrcLine.Parse(text);
        ref readonly var tags = ref line.Known;

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
    public void Known_ShortSections_AreReadWithoutTheLineEnding(string text) =>
        IrcLine.Parse(text).Known.Id.ToString().Should().Be("1");

    [Fact]
    public void Known_RepeatedTag_KeepsTheLastValue() =>
        IrcLine.Parse("@user-id=1;user-id=2 PRIVMSG #c :x").Known.UserId.ToString().Should().Be("2");

    [Fact]
    public void Known_ValueWithEqualsSign_IsSplitAtTheFirstOne() =>
        IrcLine.Parse("@system-msg=a=b;mod=1 USERNOTICE #c").Known.SystemMsg.ToString().Should().Be("a=b");

    [Fact]
    public void Known_TagWithoutValue_IsAbsent()
    {
        var line = IrcLine.Parse("@mod;vip=1 PRIVMSG #c :x");

        line.Known.Mod.IsEmpty.Should().BeTrue();
        line.Known.Vip.ToString().Should().Be("1");
    }

    [Theory]
    [InlineData("@message-id=m PRIVMSG #c :x", "m")]
    [InlineData("@id=;message-id=m PRIVMSG #c :x", "m")]
    [InlineData("@message-id=m;id=i PRIVMSG #c :x", "i")]
    public void Known_Id_FallsBackToMessageId(string text, string expected) =>
        IrcLine.Parse(text).Known.Id.ToString().Should().Be(expected);

    [Fact]
    public void Known_NonAsciiValues_DoNotEndTheSection()
    {
        // U+013B and U+033D share their low byte with ';' and '=', so a scan that narrowed characters
        // to bytes without care would split here.
        var line = IrcLine.Parse("@display-name=\u013B\u033D\u0120;user-id=7 PRIVMSG #c :x");

        line.Known.DisplayName.ToString().Should().Be("\u013B\u033D\u0120");
        line.Known.UserId.ToString().Should().Be("7");
    }

    private static string Reference(in IrcLine line, string key) =>
        line.TryGetTag(key, out var value) ? value.ToString() : throw new InvalidOperationException(key);
}
