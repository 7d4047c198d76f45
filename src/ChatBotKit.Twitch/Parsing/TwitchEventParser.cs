using ChatBotKit.Events;

namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// Turns Twitch IRC lines into <see cref="ChatEvent"/>s: PRIVMSG (and <c>/me</c> actions, cheers),
/// WHISPER, USERNOTICE, CLEARCHAT, CLEARMSG, NOTICE, ROOMSTATE, JOIN and PART. Lines that are no
/// chat event (PING, USERSTATE, CAP, numerics, unknown commands) give <see langword="null"/>; the
/// connection reads those itself. Every event keeps its line in <see cref="ChatEvent.RawRepresentation"/>,
/// so unknown tags are never lost. One instance per reader loop: its Shared Chat filter is not thread-safe.
/// </summary>
internal sealed partial class TwitchEventParser
{
    private const string ActionStart = "\u0001ACTION ";
    private readonly SharedChatFilter _sharedChat = new();
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a parser that stamps events without <c>tmi-sent-ts</c> with <paramref name="timeProvider"/>'s time.</summary>
    public TwitchEventParser(TimeProvider? timeProvider = null) => _timeProvider = timeProvider ?? TimeProvider.System;

    /// <summary>Parses one line; <see langword="null"/> when it is no chat event or is malformed.</summary>
    public ChatEvent? Parse(string line) => line is null ? null : Parse(IrcLine.Parse(line));

    /// <summary>Parses one already split line; <see langword="null"/> when it is no chat event or is malformed.</summary>
    public ChatEvent? Parse(in IrcLine line)
    {
        if (!line.IsValid)
        {
            return null;
        }

        return line.Command switch
        {
            "PRIVMSG" => ParsePrivmsg(line),
            "USERNOTICE" => ParseUserNotice(line),
            "CLEARCHAT" => ParseClearChat(line),
            "CLEARMSG" => ParseClearMessage(line),
            "NOTICE" => ParseNotice(line),
            "ROOMSTATE" => ParseRoomState(line),
            "WHISPER" => ParseWhisper(line),
            "JOIN" => ParseMembership(line, joined: true),
            "PART" => ParseMembership(line, joined: false),
            _ => null,
        };
    }

    private ChatEvent? ParsePrivmsg(in IrcLine line)
    {
        var tags = TwitchTags.Read(line.Tags);
        if (line.ParameterCount < 2 || !_sharedChat.IsFirst(tags.SourceId))
        {
            return null;
        }

        var (text, kind) = TextOf(line.LastParameter);
        var bits = TagReader.ParseNumber(tags.Bits);
        if (bits > 0)
        {
            return new BitsCheered
            {
                Platform = ChatPlatform.Twitch,
                Channel = ChannelOf(line),
                Timestamp = TimestampOf(tags),
                Id = IdOf(tags),
                RawRepresentation = line.Text,
                User = UserOf(line, tags),
                Bits = (int)Math.Min(bits, int.MaxValue),
                Text = text,
            };
        }

        return new MessageReceived
        {
            Platform = ChatPlatform.Twitch,
            Channel = ChannelOf(line),
            Timestamp = TimestampOf(tags),
            Id = IdOf(tags),
            RawRepresentation = line.Text,
            User = UserOf(line, tags),
            Text = text,
            MessageKind = kind,
            ReplyToId = tags.ReplyParentMsgId.IsEmpty ? null : new string(tags.ReplyParentMsgId),
            IsFirstMessage = tags.FirstMsg is "1",
        };
    }

    private MessageReceived? ParseWhisper(in IrcLine line)
    {
        if (line.ParameterCount < 2)
        {
            return null;
        }

        var tags = TwitchTags.Read(line.Tags);
        return new MessageReceived
        {
            Platform = ChatPlatform.Twitch,
            Channel = new string(line.Parameter(0)),
            Timestamp = TimestampOf(tags),
            Id = IdOf(tags),
            RawRepresentation = line.Text,
            User = UserOf(line, tags),
            Text = TextOf(line.LastParameter).Text,
            MessageKind = MessageKind.Private,
        };
    }

    private ChatEvent? ParseMembership(in IrcLine line, bool joined)
    {
        if (line.ParameterCount < 1 || line.Nick.IsEmpty)
        {
            return null;
        }

        var user = UserOf([], line.Nick, [], ChatRoles.None);
        var channel = ChannelOf(line);
        var now = _timeProvider.GetUtcNow();
        return joined
            ? new UserJoined { Platform = ChatPlatform.Twitch, Channel = channel, Timestamp = now, RawRepresentation = line.Text, User = user }
            : new UserLeft { Platform = ChatPlatform.Twitch, Channel = channel, Timestamp = now, RawRepresentation = line.Text, User = user };
    }

    private static ChatUser UserOf(in IrcLine line, in TwitchTags tags) =>
        UserOf(tags.UserId, tags.Login.IsEmpty ? line.Nick : tags.Login, tags.DisplayName, BadgeRoles.From(tags));

    // A missing login is the display name, a missing id the login; names are unescaped tag values.
    private static ChatUser UserOf(ReadOnlySpan<char> id, ReadOnlySpan<char> login, ReadOnlySpan<char> rawDisplayName, ChatRoles roles)
    {
        login = login.IsEmpty ? rawDisplayName : login;
        var loginText = TagValue.Unescape(login);
        var displayName = rawDisplayName.IsEmpty ? loginText : TagValue.Unescape(rawDisplayName);
        var idText = id.IsEmpty || id.SequenceEqual(login) ? loginText : new string(id);
        return new ChatUser(idText, loginText, displayName, roles);
    }

    private static string ChannelOf(in IrcLine line)
    {
        var channel = line.Parameter(0);
        return new string(channel.StartsWith('#') ? channel[1..] : channel);
    }

    private DateTimeOffset TimestampOf(in TwitchTags tags)
    {
        var ms = TagReader.ParseNumber(tags.SentTs);
        return ms is >= 0 and < 253_402_300_799_999 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : _timeProvider.GetUtcNow();
    }

    private static string? IdOf(in TwitchTags tags) => tags.Id.IsEmpty ? null : TagValue.Unescape(tags.Id);

    private static (string Text, MessageKind Kind) TextOf(ReadOnlySpan<char> text)
    {
        if (text.StartsWith(ActionStart, StringComparison.Ordinal))
        {
            var body = text[ActionStart.Length..];
            return (new string(body.EndsWith('\u0001') ? body[..^1] : body), MessageKind.Action);
        }

        return (new string(text), MessageKind.Public);
    }
}
