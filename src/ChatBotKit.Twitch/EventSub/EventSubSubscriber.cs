using System.Net;
using System.Text.Json.Nodes;
using ChatBotKit.Twitch.Helix;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.EventSub;

/// <summary>
/// Creates a session's subscriptions through Helix (<c>POST eventsub/subscriptions</c>) for every
/// channel and type, within Twitch's limits: at most 300 per WebSocket (checked before asking), and
/// the 3-socket and cost limits Twitch answers with 429 (reported as a clear error). A type Twitch
/// refuses (a missing scope, for example) is logged and left out. Remembers each channel's
/// subscription ids, so a channel joined or left while connected is subscribed or deleted
/// (<c>DELETE eventsub/subscriptions</c>) on the open session. One operation at a time.
/// </summary>
internal sealed class EventSubSubscriber(HelixClient helix, IReadOnlyList<EventSubType> types, ILogger logger) : IDisposable
{
    /// <summary>Twitch's limit of enabled subscriptions per WebSocket.</summary>
    internal const int MaxPerSocket = 300;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, List<string>> _idsByBroadcaster = new(StringComparer.Ordinal);
    private volatile string? _session;

    /// <summary>Subscribes session <paramref name="sessionId"/> to every type for every channel <paramref name="channels"/> gives (login → user id), read once the previous operation is done.</summary>
    public async Task SubscribeAllAsync(string sessionId, Func<IReadOnlyDictionary<string, string>> channels, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = channels();
            CheckLimit(all.Count);
            _idsByBroadcaster.Clear();
            _session = sessionId;
            var created = 0;
            foreach (var (login, broadcasterId) in all)
            {
                created += await SubscribeChannelAsync(sessionId, login, broadcasterId, cancellationToken).ConfigureAwait(false);
            }

            if (created == 0 && all.Count > 0)
            {
                throw new ChatBotKitException("Twitch accepted none of the EventSub subscriptions; the warnings above say why (usually a missing scope: see docs/twitch.md).");
            }

            EventSubLog.Subscribed(logger, sessionId, created);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The subscriptions moved with a <c>session_reconnect</c> to <paramref name="sessionId"/>; later joins subscribe there.</summary>
    public void HandedOver(string sessionId) => _session = sessionId;

    /// <summary>Subscribes a channel joined while connected on the open session; nothing before the first session or for a channel already subscribed.</summary>
    public async Task AddChannelAsync(string login, string broadcasterId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_session is not { } session || _idsByBroadcaster.ContainsKey(broadcasterId))
            {
                return;
            }

            CheckLimit(_idsByBroadcaster.Count + 1);
            var created = await SubscribeChannelAsync(session, login, broadcasterId, cancellationToken).ConfigureAwait(false);
            EventSubLog.ChannelSubscribed(logger, login, created);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Deletes the subscriptions of a channel left while connected; a failed delete is logged (Twitch ends them with the session).</summary>
    public async Task RemoveChannelAsync(string login, string broadcasterId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_idsByBroadcaster.Remove(broadcasterId, out var ids))
            {
                return;
            }

            foreach (var id in ids)
            {
                var response = await helix.SendAsync(HttpMethod.Delete, "eventsub/subscriptions?id=" + Uri.EscapeDataString(id), null, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccess && response.Status != HttpStatusCode.NotFound)
                {
                    EventSubLog.UnsubscribeFailed(logger, login, response.Describe());
                }
            }

            EventSubLog.ChannelUnsubscribed(logger, login, ids.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private void CheckLimit(int channels)
    {
        if (types.Count * channels > MaxPerSocket)
        {
            throw new ChatBotKitException($"Twitch EventSub allows {MaxPerSocket} subscriptions per WebSocket; {channels} channels need {types.Count * channels}. Join fewer channels with the EventSub transport.");
        }
    }

    // Every type for one channel; the ids Twitch gives are kept for leaving. Returns how many Twitch accepted.
    private async Task<int> SubscribeChannelAsync(string sessionId, string login, string broadcasterId, CancellationToken cancellationToken)
    {
        var ids = new List<string>(types.Count);
        _idsByBroadcaster[broadcasterId] = ids;
        var created = 0;
        foreach (var type in types)
        {
            var response = await helix.SendAsync(HttpMethod.Post, "eventsub/subscriptions", Body(type, broadcasterId, sessionId), cancellationToken).ConfigureAwait(false);
            if (response.IsSuccess || response.Status == HttpStatusCode.Conflict)
            {
                created++;
                if (response.Json.Array("data").Items().FirstOrDefault().String("id") is { Length: > 0 } id)
                {
                    ids.Add(id);
                }
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

        return created;
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
