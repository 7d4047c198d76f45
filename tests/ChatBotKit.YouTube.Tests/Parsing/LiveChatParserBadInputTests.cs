using System.Text;
using ChatBotKit.Events;
using ChatBotKit.YouTube.Parsing;
using static ChatBotKit.YouTube.Tests.Parsing.LiveChatJson;

namespace ChatBotKit.YouTube.Tests.Parsing;

public sealed class LiveChatParserBadInputTests
{
    private readonly LiveChatParser _parser = new("video1");

    [Fact]
    public void Parse_HtmlInsteadOfJson_IsUnreadableNotTheEnd()
    {
        var page = _parser.Parse(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Sorry…</body></html>"));

        page.IsReadable.Should().BeFalse();
        page.Problems.Should().ContainSingle().Which.Should().StartWith("the body is not JSON");
    }

    [Fact]
    public void Parse_TruncatedBody_IsUnreadable()
    {
        var whole = YouTubeTestData.Read("pytchat_default_superchat.json");

        _parser.Parse(whole.AsMemory(0, whole.Length / 2)).IsReadable.Should().BeFalse();
        _parser.Parse(ReadOnlyMemory<byte>.Empty).IsReadable.Should().BeFalse();
    }

    [Fact]
    public void Parse_TruncatedThenWholePage_DeliversTheItemsOfTheWholeOne()
    {
        var whole = Page("c", 1000, TextItem("m1", "a", "first"), TextItem("m2", "a", "second"));

        _parser.Parse(whole.AsMemory(0, whole.Length - 5)).Events.Should().BeEmpty();
        var page = _parser.Parse(whole);

        page.Events.Cast<MessageReceived>().Select(m => m.Text).Should().Equal("first", "second");
    }

    [Fact]
    public void Parse_TrailingBytesAfterTheDocument_IsUnreadable() =>
        _parser.Parse(Encoding.UTF8.GetBytes("{\"continuationContents\":{}} <html>")).IsReadable.Should().BeFalse();

    [Fact]
    public void Parse_NoContinuationContents_IsTheEndOfTheStream()
    {
        var page = _parser.Parse(Ended());

        page.IsReadable.Should().BeTrue();
        page.Continuation.Should().BeNull();
    }

    [Fact]
    public void Parse_100KiloByteMessage_IsDeliveredWhole()
    {
        var text = new string('x', 100_000);

        var page = _parser.Parse(Page("c", 1000, TextItem("big", "a", text)));

        page.Events.Should().ContainSingle().Which.Should().BeOfType<MessageReceived>().Which.Text.Should().HaveLength(100_000);
    }

    [Fact]
    public void Parse_UnknownRenderer_IsReportedOnceByNameAndTheRestIsRead()
    {
        var unknown = """{"addChatItemAction":{"item":{"liveChatFutureThingRenderer":{"id":"f1"}}}}""";

        var first = _parser.Parse(Page("c1", 1000, unknown, TextItem("m1", "a", "after")));
        var second = _parser.Parse(Page("c2", 1000, unknown, """{"someNewAction":{}}"""));

        first.NewUnknownRenderers.Should().Equal("liveChatFutureThingRenderer");
        first.Events.Should().ContainSingle().Which.Should().BeOfType<MessageReceived>();
        second.NewUnknownRenderers.Should().Equal("someNewAction");
    }

    [Fact]
    public void Parse_MissingFields_SkipTheItemNamingFieldAndPath()
    {
        var page = _parser.Parse(Page("c", 1000,
            """{"addChatItemAction":{"item":{"liveChatTextMessageRenderer":{"id":"m1","authorName":{"simpleText":"x"},"message":{"runs":[]}}}}}""",
            """{"addChatItemAction":{"item":{"liveChatPaidMessageRenderer":{"id":"p1","authorExternalChannelId":"UCa"}}}}""",
            """{"addChatItemAction":{}}""",
            """{"markChatItemAsDeletedAction":{}}""",
            "42",
            TextItem("ok", "a", "still read")));

        const string Actions = "$.continuationContents.liveChatContinuation.actions";
        page.Problems.Should().Equal(
            $"missing authorExternalChannelId at {Actions}[0].addChatItemAction.item.liveChatTextMessageRenderer",
            $"missing purchaseAmountText at {Actions}[1].addChatItemAction.item.liveChatPaidMessageRenderer",
            $"missing item at {Actions}[2].addChatItemAction",
            $"missing targetItemId at {Actions}[3].markChatItemAsDeletedAction",
            $"not an action object at {Actions}[4]");
        page.Events.Should().ContainSingle().Which.Should().BeOfType<MessageReceived>().Which.Text.Should().Be("still read");
    }

    [Fact]
    public void Parse_WrongValueKinds_AreSkippedNotThrown()
    {
        var page = _parser.Parse(Encoding.UTF8.GetBytes(
            """{"response":{"continuationContents":{"liveChatContinuation":{"continuations":"no","actions":{"a":1}}}}}"""));

        page.IsReadable.Should().BeTrue();
        page.Continuation.Should().BeNull();
        page.Events.Should().BeEmpty();
    }
}
