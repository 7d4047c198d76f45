using System.Globalization;
using ChatBotKit.Events;
using ChatBotKit.Twitch.Connection;
using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch;

public sealed partial class TwitchChatSource
{
    // Runs on a reader loop (two during a handover, so callers hold _lineGate): answer what the
    // connection needs, then hand the event on. Returns true when the server asked for a reconnect.
    // Never throws: a bad line is logged and skipped.
    private bool HandleLine(IrcSession session, string text)
    {
        try
        {
            var line = IrcLine.Parse(text);
            if (!line.IsValid)
            {
                TwitchLog.LineSkipped(Logger, text);
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
                    session.ConfirmJoin(NormalizeChannel(new string(line.Parameter(0))));
                    return false;
                case "JOIN" or "PART" when line.Nick.Equals(session.Nick, StringComparison.OrdinalIgnoreCase):
                    return false;
                default:
                    break;
            }

            // During a handover both connections deliver the channels' lines: let each through once.
            // A NOTICE answers what the bot sent on that connection, so it is never a copy.
            if (line.Command is not "NOTICE" && !_overlap.IsFirst(line, _time))
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
                _events.Writer.TryWrite(evt);
            }
        }
        catch (Exception ex)
        {
            TwitchLog.LineFailed(Logger, ex);
            TwitchLog.LineSkipped(Logger, text);
        }

        return false;
    }

    private void LearnRole(in IrcLine line)
    {
        if (line.ParameterCount < 1)
        {
            return;
        }

        var channel = NormalizeChannel(new string(line.Parameter(0)));
        var roles = BadgeRoles.From(TwitchTags.Read(line.Tags));

        var elevated = (roles & (ChatRoles.Broadcaster | ChatRoles.Moderator | ChatRoles.Vip)) != 0;
        var slowModeExempt = (roles & (ChatRoles.Broadcaster | ChatRoles.Moderator)) != 0;
        if (elevated != _policy.IsElevated(channel))
        {
            TwitchLog.RoleLearned(Logger, channel, elevated);
        }

        _policy.SetRole(channel, elevated, slowModeExempt);
    }

    // ROOMSTATE carries every setting on JOIN and only the changed ones later: slow=N is seconds, 0 off.
    private void LearnSlowMode(in IrcLine line)
    {
        if (line.ParameterCount < 1 || !line.TryGetTag("slow", out var slow)
            || !int.TryParse(slow, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return;
        }

        var channel = NormalizeChannel(new string(line.Parameter(0)));
        var interval = TimeSpan.FromSeconds(seconds);
        if (interval != _policy.SlowModeOf(channel))
        {
            _policy.SetSlowMode(channel, interval);
            TwitchLog.SlowModeLearned(Logger, channel, interval);
        }
    }

    private void OnNotice(ChannelNotice notice)
    {
        if (notice.Channel is "*")
        {
            TwitchLog.ServerNotice(Logger, notice.NoticeId, notice.Text);
            return;
        }

        if (notice.NoticeId.StartsWith("msg_", StringComparison.Ordinal))
        {
            _policy.OnNotice(notice.Channel, notice.NoticeId, notice.Text);
            TwitchLog.SendNotice(Logger, notice.Channel, notice.NoticeId);
        }
    }
}
