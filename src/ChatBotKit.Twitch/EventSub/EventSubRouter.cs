using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Twitch.Parsing;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.EventSub;

/// <summary>
/// Hands notifications on as events, once each: a message id already seen (on the old and the new
/// socket of a handover, or redelivered) is dropped, and so is a second copy of a Shared Chat
/// message. Revocations become a <see cref="ChannelNotice"/> <c>eventsub_revoked</c> and a log line.
/// Called by every session's reader; one frame at a time.
/// </summary>
internal sealed class EventSubRouter(ChannelWriter<ChatEvent> events, Func<string, string?> loginOf, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly RecentKeys _seen = new(4096);
    private readonly SharedChatFilter _shared = new();

    public void Route(EventSubFrame frame)
    {
        lock (_gate)
        {
            if (!_seen.Add(frame.MessageId))
            {
                return;
            }

            switch (frame.MessageType)
            {
                case "notification":
                    Notify(frame);
                    break;
                case "revocation":
                    Revoked(frame);
                    break;
                default:
                    break;
            }
        }
    }

    private void Notify(EventSubFrame frame)
    {
        var type = frame.SubscriptionType ?? frame.Payload.Object("subscription").String("type");
        var version = frame.SubscriptionVersion ?? frame.Payload.Object("subscription").String("version");
        if (!EventSubMapper.IsKnown(type, version))
        {
            EventSubLog.UnknownType(logger, frame.MessageId, type ?? "(none)", version ?? "(none)");
            return;
        }

        var source = frame.Payload.Object("event").String("source_message_id");
        if (source is not null && !_shared.IsFirst(source))
        {
            return;
        }

        if (EventSubMapper.Map(frame with { SubscriptionType = type }) is { } evt)
        {
            events.TryWrite(evt);
        }
        else
        {
            EventSubLog.Unmappable(logger, frame.MessageId, type!);
        }
    }

    private void Revoked(EventSubFrame frame)
    {
        var subscription = frame.Payload.Object("subscription");
        var type = subscription.String("type") ?? frame.SubscriptionType ?? "(unknown)";
        var status = subscription.String("status") ?? "revoked";
        var condition = subscription.Object("condition");
        var broadcaster = condition.String("broadcaster_user_id") ?? condition.String("to_broadcaster_user_id") ?? "";
        var channel = loginOf(broadcaster) ?? broadcaster;
        EventSubLog.Revoked(logger, type, channel, status);
        events.TryWrite(new ChannelNotice
        {
            NoticeId = "eventsub_revoked",
            Text = $"Twitch stopped sending {type} events: {status}",
            Platform = ChatPlatform.Twitch,
            Channel = channel,
            Timestamp = frame.Timestamp,
            Id = frame.MessageId,
            RawRepresentation = frame.Root,
        });
    }
}
