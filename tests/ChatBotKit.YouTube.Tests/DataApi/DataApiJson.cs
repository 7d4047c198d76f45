using System.Text;

namespace ChatBotKit.YouTube.Tests.DataApi;

/// <summary>
/// Small Data API v3 bodies (<c>liveChatMessages.list</c>, <c>videos.list</c>, errors) for the
/// message types the recorded files lack. Field names follow the protocol notes (§2.1) and the
/// Data API reference. Written with single quotes, which become double quotes.
/// </summary>
internal static class DataApiJson
{
    public static byte[] Page(string? nextPageToken, int pollingIntervalMillis, params string[] items) => Encoding.UTF8.GetBytes(
        Q("{'kind':'youtube#liveChatMessageListResponse'," + (nextPageToken is null ? string.Empty : "'nextPageToken':'" + nextPageToken + "',")
        + "'pollingIntervalMillis':" + pollingIntervalMillis + ",'items':[") + string.Join(',', items) + "]}");

    public static byte[] Offline(string offlineAt) => Bytes("{'kind':'youtube#liveChatMessageListResponse','offlineAt':'" + offlineAt + "','pollingIntervalMillis':5000,'items':[]}");

    /// <summary>One message; <paramref name="details"/> is the type's details member, e.g. <c>'textMessageDetails':{…}</c>.</summary>
    public static string Item(string id, string type, string author, string details, string roles = "") => Q(
        "{'kind':'youtube#liveChatMessage','id':'" + id + "','snippet':{'type':'" + type + "','liveChatId':'chat-1','authorChannelId':'UC" + author
        + "','publishedAt':'2026-12-05T20:00:00.000Z','hasDisplayContent':true,'displayMessage':'shown'" + (details.Length > 0 ? "," + details : string.Empty)
        + "},'authorDetails':{'channelId':'UC" + author + "','displayName':'@" + author + "'" + roles + "}}");

    public static string Text(string id, string author, string text, string roles = "") =>
        Item(id, "textMessageEvent", author, "'textMessageDetails':{'messageText':'" + text + "'}", roles);

    public static string Roles(params string[] flags) => string.Concat(flags.Select(f => ",'" + f + "':true"));

    public static byte[] Video(string? liveChatId) => Bytes(
        "{'kind':'youtube#videoListResponse','items':[{'id':'v','liveStreamingDetails':{" + (liveChatId is null ? string.Empty : "'activeLiveChatId':'" + liveChatId + "'") + "}}]}");

    public static byte[] Error(int code, string reason) => Bytes(
        "{'error':{'code':" + code + ",'message':'refused','errors':[{'message':'refused','domain':'youTube.liveChat','reason':'" + reason + "'}]}}");

    private static string Q(string singleQuoted) => singleQuoted.Replace('\'', '"');

    private static byte[] Bytes(string singleQuoted) => Encoding.UTF8.GetBytes(Q(singleQuoted));
}
