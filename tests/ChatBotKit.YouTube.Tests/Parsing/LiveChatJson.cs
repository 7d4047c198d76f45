using System.Text;

namespace ChatBotKit.YouTube.Tests.Parsing;

/// <summary>
/// Small <c>get_live_chat</c> bodies in the current shape, for items the recorded files lack
/// (deletions, bans, emoji, gifts, milestones). Field names follow the recorded files and the
/// maintained readers' handling of these renderers. Written with single quotes, which become
/// double quotes (no test text holds an apostrophe).
/// </summary>
internal static class LiveChatJson
{
    public static byte[] Page(string continuation, int timeoutMs, params string[] actions) => Encoding.UTF8.GetBytes(Json(
        "{'continuationContents':{'liveChatContinuation':{'continuations':[{'timedContinuationData':{'timeoutMs':" + timeoutMs
        + ",'continuation':'" + continuation + "'}}],'actions':[") + string.Join(',', actions) + "]}}}");

    public static byte[] Ended() => """{"responseContext":{},"continuationContents":{}}"""u8.ToArray();

    public static string TextItem(string id, string author, string text, string badges = "") => Json(
        "{'addChatItemAction':{'item':{'liveChatTextMessageRenderer':{'id':'" + id + "','timestampUsec':'1700000000000000','authorExternalChannelId':'UC"
        + author + "','authorName':{'simpleText':'@" + author + "'},'message':{'runs':[{'text':'" + text + "'}]}" + badges + "}}}}");

    public static string Badge(string iconType) => Json("{'liveChatAuthorBadgeRenderer':{'icon':{'iconType':'" + iconType + "'},'tooltip':'" + iconType + "'}}");

    public static string MemberBadge(string tooltip) => Json("{'liveChatAuthorBadgeRenderer':{'customThumbnail':{'thumbnails':[{'url':'https://yt3.ggpht.com/x'}]},'tooltip':'" + tooltip + "'}}");

    public static string Badges(params string[] badges) => Json(",'authorBadges':[") + string.Join(',', badges) + "]";

    private static string Json(string singleQuoted) => singleQuoted.Replace('\'', '"');
}
