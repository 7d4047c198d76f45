using ChatBotKit.Events;

namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// Turns Twitch IRC lines into <see cref="ChatEvent"/>s: PRIVMSG (and <c>/me</c> actions, cheers),
/// WHISPER, USERNOTICE, CLEARCHAT, CLEARMSG, NOTICE, ROOMSTATE, JOIN and PART. Lines that are no
/// chat event (PING, USERSTATE, CAP, numerics, unknown commands) give <see langword="null"/>; the
/// connection reads those itself. Every event keeps its line in <see cref="ChatEvent.RawRepresentation"/>,
/// so unknown tags are never lost. Channel names and repeat users are cached, so a PRIVMSG costs
/// the event, its text and its id. One instance per reader loop: it is not thread-safe.
/// </summary>
public sealed partial class TwitchEventParser
{
    private const string ActionStart = "\u0001ACTION ";
    private readonly NameCache _names = new();
    private readonly UserCache _users = new();
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
        ref readonly var tags = ref line.Known;
        if (line.ParameterCount < 2 || !_sharedChat.IsFirst(tags.SourceId))
        {
            return null;
        }

        // The user is looked up last, so that its entry arrives from memory while the rest is read.
        var chatter = ChatterOf(line, tags);
        var (text, kind) = TextOf(line.LastParameter);
        var channel = ChannelOf(line);
        var timestamp = TimestampOf(tags);
        var id = IdOf(tags);
        var bits = TagReader.ParseNumber(tags.Bits);
        var user = _users.Get(chatter);
        if (bits > 0)
        {
            return new BitsCheered
            {
                Platform = ChatPlatform.Twitch,
                Channel = channel,
                Timestamp = timestamp,
                Id = id,
                RawRepresentation = line.Text,
                User = user,
                Bits = (int)Math.Min(bits, int.MaxValue),
                Text = text,
            };
        }

        return new MessageReceived
        {
            Platform = ChatPlatform.Twitch,
            Channel = channel,
            Timestamp = timestamp,
            Id = id,
            RawRepresentation = line.Text,
            User = user,
            Text = text,
            MessageKind = kind,
            ReplyToId = tags.ReplyParentMsgId.IsEmpty ? null : new string(tags.ReplyParentMsgId),
            IsFirstMessage = tags.FirstMsg is "1",
        };
    }

    private MessageReceived? ParseWhisper(in IrcLine line)
    {
        ref readonly var tags = ref line.Known;
        if (line.ParameterCount < 2)
        {
            return null;
        }

        return new MessageReceived
        {
            Platform = ChatPlatform.Twitch,
            Channel = _names.Get(line.Parameter(0)),
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

        var user = _users.Get([], line.Nick, [], ChatRoles.None);
        var channel = ChannelOf(line);
        var now = _timeProvider.GetUtcNow();
        return joined
            ? new UserJoined { Platform = ChatPlatform.Twitch, Channel = channel, Timestamp = now, RawRepresentation = line.Text, User = user }
            : new UserLeft { Platform = ChatPlatform.Twitch, Channel = channel, Timestamp = now, RawRepresentation = line.Text, User = user };
    }

    private ChatUser UserOf(in IrcLine line, in KnownTags tags) => _users.Get(ChatterOf(line, tags));

    private UserCache.Chatter ChatterOf(in IrcLine line, in KnownTags tags) =>
        _users.Locate(tags.UserId, tags.Login.IsEmpty ? line.Nick : tags.Login, tags.DisplayName, BadgeRoles.From(tags));

    private string ChannelOf(in IrcLine line)
    {
        var channel = line.Parameter(0);
        return _names.Get(channel.StartsWith('#') ? channel[1..] : channel);
    }

    private DateTimeOffset TimestampOf(in KnownTags tags)
    {
        var ms = TagReader.ParseNumber(tags.SentTs);
        return ms is >= 0 and < 253_402_300_799_999 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : _timeProvider.GetUtcNow();
    }

    private static string? IdOf(in KnownTags tags) => tags.Id.IsEmpty ? null : TagValue.Unescape(tags.Id);

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
