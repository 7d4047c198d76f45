using System.Text;
using System.Text.Json;
using ChatBotKit.Events;
using ChatBotKit.YouTube.DataApi;
using ChatBotKit.YouTube.Parsing;
using static ChatBotKit.YouTube.Tests.Parsing.LiveChatJson;

namespace ChatBotKit.YouTube.Tests.Parsing;

public sealed class YouTubeEventExtensionsTests
{
    private readonly LiveChatParser _parser = new("video1");

    [Fact]
    public void GetYouTubeEmotes_EmojiRuns_StandWhereTheirShortcutsAreInCodePoints()
    {
        var message = Single(Page("c", 1000, """
            {"addChatItemAction":{"item":{"liveChatTextMessageRenderer":{"id":"m1","authorExternalChannelId":"UCa","authorName":{"simpleText":"@alice"},
             "message":{"runs":[{"text":"é😀 "},{"emoji":{"emojiId":"😀","shortcuts":[":grinning:",":smile:"],"image":{"thumbnails":[{"url":"https://e/24"},{"url":"https://e/48"}]}}},
             {"text":" "},{"emoji":{"emojiId":"UCx/abc","isCustomEmoji":true}}]}}}}}
            """));

        message.Text.Should().Be("é😀 :grinning: UCx/abc");
        message.GetYouTubeEmotes().Should().Equal(
            new YouTubeEmote("😀", ":grinning:", 3, 10, false, "https://e/48"),
            new YouTubeEmote("UCx/abc", "UCx/abc", 14, 7, true, null));
        var runes = message.Text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        string.Concat(runes[3..13]).Should().Be(":grinning:", "positions count code points, so the emoji before it counts once");
    }

    [Fact]
    public void GetYouTubeEmotes_PlainText_IsEmpty() =>
        Single(Page("c", 1000, TextItem("m1", "a", "no emoji here"))).GetYouTubeEmotes().Should().BeEmpty();

    [Theory]
    [InlineData("Member (6 months)", 6)]
    [InlineData("Member (2 years)", 24)]
    [InlineData("Member (1 month)", 1)]
    [InlineData("New member", 0)]
    [InlineData("メンバー（1 年）", 12)]
    public void GetYouTubeMemberMonths_MemberBadge_IsTheBadgesTenure(string tooltip, int months) =>
        Single(Page("c", 1000, TextItem("m1", "a", "hi", Badges(MemberBadge(tooltip))))).GetYouTubeMemberMonths().Should().Be(months);

    [Fact]
    public void GetYouTubeMemberMonths_NoMemberBadge_IsNull() =>
        Single(Page("c", 1000, TextItem("m1", "a", "hi", Badges(Badge("MODERATOR"))))).GetYouTubeMemberMonths().Should().BeNull();

    [Fact]
    public void GetYouTubeMemberMonths_RecordedReplayMember_ReadsTheBadge() =>
        YouTubeTestData.Parse("pytchat_default_replay_member_text.json").Events.Should().ContainSingle()
            .Which.GetYouTubeMemberMonths().Should().NotBeNull();

    [Fact]
    public void GetYouTubeSuperChatColour_RecordedSuperChatAndSticker_AreTheirTierColours()
    {
        var superChat = YouTubeTestData.Parse("pytchat_default_superchat.json").Events.Should().ContainSingle().Subject;
        var sticker = YouTubeTestData.Parse("pytchat_default_supersticker.json").Events.Should().ContainSingle().Subject;

        superChat.GetYouTubeSuperChatColour().Should().Be("#1DE9B6", "bodyBackgroundColor is 4280150454 (0xFF1DE9B6)");
        sticker.GetYouTubeSuperChatColour().Should().MatchRegex("^#[0-9A-F]{6}$");
        Single(Page("c", 1000, TextItem("m1", "a", "hi"))).GetYouTubeSuperChatColour().Should().BeNull();
    }

    [Fact]
    public void RawRepresentation_IsTheRenderersJson()
    {
        var message = Single(Page("c", 1000, TextItem("m1", "a", "hi")));

        var json = message.RawRepresentation.Should().BeOfType<ReadOnlyMemory<byte>>().Subject;
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("id").GetString().Should().Be("m1");
        Encoding.UTF8.GetString(json.Span).Should().StartWith("{").And.EndWith("}");
    }

    [Fact]
    public void Extensions_DataApiEvent_CarryNothingExtra()
    {
        var message = new LiveChatMessageParser("video1").Parse(YouTubeTestData.Read(Path.Combine("data-api", "pytchat_compatible_API_TextMessage.json"))).Events[0];

        message.GetYouTubeEmotes().Should().BeEmpty();
        message.GetYouTubeMemberMonths().Should().BeNull();
        message.GetYouTubeSuperChatColour().Should().BeNull();
    }

    [Fact]
    public void DocsExample_Commands_CompileAgainstTheBuilder()
    {
        var Bot = new ChatBotBuilder("kit");

        // docs/youtube.md, "Emoji, member tenure and Super Chat colours"
        Bot.OnCommand("tenure", ctx => ctx.Event.GetYouTubeMemberMonths() is { } months ? $"{months} months a member, thank you!" : "Not a member yet.")
           .OnCommand("emoji", ctx => string.Join(", ", ctx.Event.GetYouTubeEmotes().Select(e => $"{e.Text} at {e.Start}")))
           .Should().BeSameAs(Bot);
    }

    private MessageReceived Single(byte[] page) =>
        _parser.Parse(page).Events.Should().ContainSingle().Which.Should().BeOfType<MessageReceived>().Subject;
}
