using ChatBotKit.Events;

namespace ChatBotKit.Twitch.Parsing;

internal sealed partial class TwitchEventParser
{
    private ChatEvent? ParseUserNotice(in IrcLine line)
    {
        var tags = TwitchTags.Read(line.Tags);
        if (line.ParameterCount < 1 || !_sharedChat.IsFirst(tags.SourceId))
        {
            return null;
        }

        var user = UserOf(line, tags);
        string? text = line.ParameterCount >= 2 ? TextOf(line.LastParameter).Text : null;
        var channel = ChannelOf(line);
        var timestamp = TimestampOf(tags);
        var id = IdOf(tags);
        switch (tags.MsgId)
        {
            case "sub" or "resub" or "primepaidupgrade" or "giftpaidupgrade" or "anongiftpaidupgrade":
                return new UserSubscribed
                {
                    Platform = ChatPlatform.Twitch,
                    Channel = channel,
                    Timestamp = timestamp,
                    Id = id,
                    RawRepresentation = line.Text,
                    User = user,
                    Tier = Param(line, "msg-param-sub-plan"),
                    Months = Number(line, "msg-param-cumulative-months"),
                    Gifter = tags.MsgId is "giftpaidupgrade" ? Named(line, "msg-param-sender-login", "msg-param-sender-name", null) : null,
                    Text = text,
                };
            case "subgift" or "anonsubgift":
                return new UserSubscribed
                {
                    Platform = ChatPlatform.Twitch,
                    Channel = channel,
                    Timestamp = timestamp,
                    Id = id,
                    RawRepresentation = line.Text,
                    User = Named(line, "msg-param-recipient-user-name", "msg-param-recipient-display-name", "msg-param-recipient-id") ?? user,
                    Tier = Param(line, "msg-param-sub-plan"),
                    Months = Number(line, "msg-param-months"),
                    Gifter = tags.MsgId is "anonsubgift" || user.Login == "ananonymousgifter" ? null : user,
                    Text = text,
                };
            case "raid":
                return new ChannelRaided
                {
                    Platform = ChatPlatform.Twitch,
                    Channel = channel,
                    Timestamp = timestamp,
                    Id = id,
                    RawRepresentation = line.Text,
                    Raider = user,
                    ViewerCount = Number(line, "msg-param-viewerCount"),
                };
            default:
                return new ChannelNotice
                {
                    Platform = ChatPlatform.Twitch,
                    Channel = channel,
                    Timestamp = timestamp,
                    Id = id,
                    RawRepresentation = line.Text,
                    NoticeId = tags.MsgId.IsEmpty ? "usernotice" : TagValue.Unescape(tags.MsgId),
                    Text = text ?? NullIfEmpty(TagValue.Unescape(tags.SystemMsg)),
                    User = user,
                };
        }
    }

    private static string? Param(in IrcLine line, string key) =>
        line.TryGetTag(key, out var value) && !value.IsEmpty ? TagValue.Unescape(value) : null;

    private static int Number(in IrcLine line, string key) =>
        line.TryGetTag(key, out var value) ? (int)Math.Clamp(TagReader.ParseNumber(value), 0, int.MaxValue) : 0;

    private static ChatUser? Named(in IrcLine line, string loginKey, string displayKey, string? idKey)
    {
        if (Param(line, loginKey) is not { } login)
        {
            return null;
        }

        var display = Param(line, displayKey) ?? login;
        var id = idKey is null ? null : Param(line, idKey);
        return new ChatUser(id ?? login, login.ToLowerInvariant(), display);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
