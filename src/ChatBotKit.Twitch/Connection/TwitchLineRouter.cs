using System.Globalization;
using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Twitch.Parsing;
using ChatBotKit.Twitch.Sending;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.Connection;

/// <summary>
/// Where each received line goes: PING is answered on its connection, USERSTATE, ROOMSTATE and
/// NOTICE teach the send policy, and chat lines become events for the engine. Two reader loops
/// call it during a handover; it lets a line that arrives on both through once. Never throws: a
/// bad line is logged and skipped.
/// </summary>
internal sealed class TwitchLineRouter(TwitchSendPolicy policy, ChannelWriter<ChatEvent> events, TimeProvider time, ILogger logger)
{
    // One line at a time: the parser, the overlap filter and the single-writer event channel need it.
    private readonly Lock _gate = new();
    private readonly TwitchEventParser _parser = new(time);
    private readonly OverlapFilter _overlap = new();

    /// <summary>Handles one line read on <paramref name="session"/>; true when the server asked for a reconnect.</summary>
    public bool Route(IrcSession session, string text)
    {
        lock (_gate)
        {
            try
            {
                return RouteLine(session, text);
            }
            catch (Exception ex)
            {
                TwitchLog.LineFailed(logger, ex);
                TwitchLog.LineSkipped(logger, text);
                return false;
            }
        }
    }

    /// <summary>Starts letting lines that arrive on both connections through once, until <see cref="EndOverlapAt"/>.</summary>
    public void BeginOverlap()
    {
        lock (_gate)
        {
            _overlap.Begin();
        }
    }

    /// <summary>Keeps filtering copies until <paramref name="until"/>.</summary>
    public void EndOverlapAt(DateTimeOffset until)
    {
        lock (_gate)
        {
            _overlap.EndAt(until);
        }
    }

    private bool RouteLine(IrcSession session, string text)
    {
        var line = IrcLine.Parse(text);
        if (!line.IsValid)
        {
            TwitchLog.LineSkipped(logger, text);
            return false;
        }

        switch (line.Command)
        {
            case "PING":
                session.TryWrite(line.ParameterCount == 0 ? "PONG" : "PONG :" + new string(line.LastParameter));
                return false;
            case "RECONNECT":
                return true;
            case "USERSTATE":
                LearnRole(line);
                return false;
            case "ROOMSTATE":
                LearnSlowMode(line);
                break;
            case "JOIN" when line.Nick.Equals(session.Nick, StringComparison.OrdinalIgnoreCase) && line.ParameterCount > 0:
                session.ConfirmJoin(TwitchChatSource.NormalizeChannel(new string(line.Parameter(0))));
                return false;
            case "JOIN" or "PART" when line.Nick.Equals(session.Nick, StringComparison.OrdinalIgnoreCase):
                return false;
            default:
                break;
        }

        // During a handover both connections deliver the channels' lines: let each through once.
        // A NOTICE answers what the bot sent on that connection, so it is never a copy.
        if (line.Command is not "NOTICE" && !_overlap.IsFirst(line, time))
        {
            return false;
        }

        var evt = _parser.Parse(line);
        if (evt is ChannelNotice notice && line.Command is "NOTICE")
        {
            OnNotice(notice);
            if (notice.Channel is "*")
            {
                return false;
            }
        }

        if (evt is not null)
        {
            events.TryWrite(evt);
        }

        return false;
    }

    private void LearnRole(in IrcLine line)
    {
        if (line.ParameterCount < 1)
        {
            return;
        }

        var channel = TwitchChatSource.NormalizeChannel(new string(line.Parameter(0)));
        var roles = BadgeRoles.From(TwitchTags.Read(line.Tags));
        var elevated = (roles & (ChatRoles.Broadcaster | ChatRoles.Moderator | ChatRoles.Vip)) != 0;
        var slowModeExempt = (roles & (ChatRoles.Broadcaster | ChatRoles.Moderator)) != 0;
        if (elevated != policy.IsElevated(channel))
        {
            TwitchLog.RoleLearned(logger, channel, elevated);
        }

        policy.SetRole(channel, elevated, slowModeExempt);
    }

    // ROOMSTATE carries every setting on JOIN and only the changed ones later: slow=N is seconds, 0 off.
    private void LearnSlowMode(in IrcLine line)
    {
        if (line.ParameterCount < 1 || !line.TryGetTag("slow", out var slow)
            || !int.TryParse(slow, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return;
        }

        var channel = TwitchChatSource.NormalizeChannel(new string(line.Parameter(0)));
        var interval = TimeSpan.FromSeconds(seconds);
        if (interval != policy.SlowModeOf(channel))
        {
            policy.SetSlowMode(channel, interval);
            TwitchLog.SlowModeLearned(logger, channel, interval);
        }
    }

    private void OnNotice(ChannelNotice notice)
    {
        if (notice.Channel is "*")
        {
            TwitchLog.ServerNotice(logger, notice.NoticeId, notice.Text);
            return;
        }

        if (notice.NoticeId.StartsWith("msg_", StringComparison.Ordinal))
        {
            policy.OnNotice(notice.Channel, notice.NoticeId, notice.Text);
            TwitchLog.SendNotice(logger, notice.Channel, notice.NoticeId);
        }
    }
}
