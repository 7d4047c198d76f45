using System.Net;
using System.Text.Json.Nodes;
using ChatBotKit.Twitch.Helix;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.EventSub;

/// <summary>
/// Creates a session's subscriptions through Helix (<c>POST eventsub/subscriptions</c>) for every
/// channel and type, within Twitch's limits: at most 300 per WebSocket (checked before asking), and
/// the 3-socket and cost limits Twitch answers with 429 (reported as a clear error). A type Twitch
/// refuses (a missing scope, for example) is logged and left out.
/// </summary>
internal sealed class EventSubSubscriber(HelixClient helix, IReadOnlyList<EventSubType> types, ILogger logger)
{
    /// <summary>Twitch's limit of enabled subscriptions per WebSocket.</summary>
    internal const int MaxPerSocket = 300;

    /// <summary>Subscribes session <paramref name="sessionId"/> to every type for every channel (login → user id).</summary>
    public async Task SubscribeAllAsync(string sessionId, IReadOnlyDictionary<string, string> channels, CancellationToken cancellationToken)
    {
        if (types.Count * channels.Count > MaxPerSocket)
        {
            throw new ChatBotKitException($"Twitch EventSub allows {MaxPerSocket} subscriptions per WebSocket; {channels.Count} channels need {types.Count * channels.Count}. Join fewer channels with the EventSub transport.");
        }

        var created = 0;
        foreach (var (login, broadcasterId) in channels)
        {
            foreach (var type in types)
            {
                var response = await helix.SendAsync(HttpMethod.Post, "eventsub/subscriptions", Body(type, broadcasterId, sessionId), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccess || response.Status == HttpStatusCode.Conflict)
                {
                    created++;
                }
                else if (response.Status == HttpStatusCode.TooManyRequests)
                {
                    throw new ChatBotKitException($"Twitch refused the EventSub subscription to {type.Type} ({response.Describe()}): the account has reached the limit of 3 WebSockets or of the subscriptions' total cost. Stop other bots or sources using the same account and client id.");
                }
                else
                {
                    EventSubLog.SubscribeFailed(logger, type.Type, login, response.Describe());
                }
            }
        }

        if (created == 0 && channels.Count > 0)
        {
            throw new ChatBotKitException("Twitch accepted none of the EventSub subscriptions; the warnings above say why (usually a missing scope: see docs/twitch.md).");
        }

        EventSubLog.Subscribed(logger, sessionId, created);
    }

    private JsonObject Body(EventSubType type, string broadcasterId, string sessionId)
    {
        var condition = new JsonObject { ["broadcaster_user_id"] = broadcasterId };
        if (type.BotField is { } field)
        {
            condition[field] = helix.Credentials.UserId;
        }

        return new JsonObject
        {
            ["type"] = type.Type,
            ["version"] = type.Version,
            ["condition"] = condition,
            ["transport"] = new JsonObject { ["method"] = "websocket", ["session_id"] = sessionId },
        };
    }
}
