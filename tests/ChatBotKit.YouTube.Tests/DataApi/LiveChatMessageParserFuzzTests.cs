using ChatBotKit.YouTube.DataApi;
using ChatBotKit.YouTube.Tests.Parsing;

namespace ChatBotKit.YouTube.Tests.DataApi;

/// <summary>
/// Mutated Data API answers (the recorded ones and one with every mapped type) never make the
/// mapper throw. 20,000 mutations here; <c>YOUTUBE_FUZZ_COUNT</c> sets the count for a long run.
/// </summary>
public sealed class LiveChatMessageParserFuzzTests
{
    [Fact]
    public void Parse_MutatedAnswers_NeverThrow()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("YOUTUBE_FUZZ_COUNT"), out var n) ? n : 20_000;
        var random = new Random(16);
        byte[][] corpus =
        [
            .. Directory.EnumerateFiles(Path.Combine(YouTubeTestData.Folder, "data-api"), "*.json").Select(File.ReadAllBytes),
            DataApiJson.Page("p2", 5000,
                DataApiJson.Text("m1", "ann", "hi", DataApiJson.Roles("isChatOwner", "isChatSponsor")),
                DataApiJson.Item("k1", "memberMilestoneChatEvent", "bob", "'memberMilestoneChatDetails':{'memberLevelName':'Gold','memberMonth':7,'userComment':'seven!'}"),
                DataApiJson.Item("g2", "giftMembershipReceivedEvent", "dan", "'giftMembershipReceivedDetails':{'memberLevelName':'Gold','gifterChannelId':'UCcat'}"),
                DataApiJson.Item("d1", "messageDeletedEvent", "mod", "'messageDeletedDetails':{'deletedMessageId':'m9'}"),
                DataApiJson.Item("b2", "userBannedEvent", "mod", "'userBannedDetails':{'bannedUserDetails':{'channelId':'UCnoisy'},'banType':'temporary','banDurationSeconds':300}")),
        ];
        var events = 0;
        for (var i = 0; i < count; i++)
        {
            var page = new LiveChatMessageParser("fuzz", 64).Parse(LiveChatParserFuzzTests.Mutate(corpus[random.Next(corpus.Length)], random));

            events += page.Events.Count;
        }

        events.Should().BePositive("some mutations leave valid JSON, so the mapping itself is exercised");
    }
}
