using ChatBotKit.Events;

namespace ChatBotKit.Twitch.Parsing;

internal sealed partial class TwitchEventParser
{
    private ChatEvent? ParseClearChat(in IrcLine line)
    {
        if (line.ParameterCount < 1)
        {
            return null;
        }

        var tags = TwitchTags.Read(line.Tags);
        var channel = ChannelOf(line);
        var timestamp = TimestampOf(tags);
        if (line.ParameterCount < 2 || line.LastParameter.IsEmpty)
        {
            return new ChannelNotice { Platform = ChatPlatform.Twitch, Channel = channel, Timestamp = timestamp, RawRepresentation = line.Text, NoticeId = "clearchat" };
        }

        var user = UserOf(tags.TargetUserId, line.LastParameter, [], ChatRoles.None);
        if (!tags.HasBanDuration)
        {
            return new UserBanned { Platform = ChatPlatform.Twitch, Channel = channel, Timestamp = timestamp, RawRepresentation = line.Text, User = user };
        }

        return new UserTimedOut
        {
            Platform = ChatPlatform.Twitch,
            Channel = channel,
            Timestamp = timestamp,
            RawRepresentation = line.Text,
            User = user,
            Duration = TimeSpan.FromSeconds(Math.Clamp(TagReader.ParseNumber(tags.BanDuration), 0, 14 * 24 * 3600)),
        };
    }

    private MessageDeleted? ParseClearMessage(in IrcLine line)
    {
        var tags = TwitchTags.Read(line.Tags);
        if (line.ParameterCount < 1 || tags.TargetMsgId.IsEmpty)
        {
            return null;
        }

        return new MessageDeleted
        {
            Platform = ChatPlatform.Twitch,
            Channel = ChannelOf(line),
            Timestamp = TimestampOf(tags),
            RawRepresentation = line.Text,
            MessageId = TagValue.Unescape(tags.TargetMsgId),
            User = tags.Login.IsEmpty ? null : UserOf([], tags.Login, [], ChatRoles.None),
        };
    }

    private ChannelNotice? ParseNotice(in IrcLine line)
    {
        if (line.ParameterCount < 1)
        {
            return null;
        }

        var tags = TwitchTags.Read(line.Tags);
        var text = line.ParameterCount >= 2 ? new string(line.LastParameter) : null;
        return new ChannelNotice
        {
            Platform = ChatPlatform.Twitch,
            Channel = ChannelOf(line),
            Timestamp = _timeProvider.GetUtcNow(),
            RawRepresentation = line.Text,
            NoticeId = tags.MsgId.IsEmpty ? "notice" : TagValue.Unescape(tags.MsgId),
            Text = text,
        };
    }

    private ChannelNotice? ParseRoomState(in IrcLine line)
    {
        if (line.ParameterCount < 1)
        {
            return null;
        }

        return new ChannelNotice
        {
            Platform = ChatPlatform.Twitch,
            Channel = ChannelOf(line),
            Timestamp = _timeProvider.GetUtcNow(),
            RawRepresentation = line.Text,
            NoticeId = "roomstate",
            Text = TagValue.Unescape(line.Tags),
        };
    }
}
