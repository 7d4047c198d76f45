using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Twitch.Helix;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.EventSub;

/// <summary>
/// Everything behind reading Twitch through EventSub: the token (validated at start and hourly,
/// refreshed when needed), the channels' user ids, the subscriptions and the WebSocket. A token
/// Twitch rejects for good ends the feed through the stop callback, without reconnecting.
/// </summary>
internal sealed class EventSubFeed : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private readonly TwitchAuth _auth;
    private readonly EventSubConnection _connection;
    private readonly Action<Exception> _stop;
    private readonly ILogger _logger;
    private readonly CancellationToken _disposal;
    private IReadOnlyDictionary<string, string> _channels = new Dictionary<string, string>();
    private Task _keeper = Task.CompletedTask;

    public EventSubFeed(TwitchOptions options, IReadOnlyList<EventSubType> types, ChannelWriter<ChatEvent> events, Action<ConnectionState> setState, Action<Exception> stop, TimeProvider time, ILogger logger, CancellationToken disposal)
    {
        var credentials = new TwitchCredentials(
            Environment.GetEnvironmentVariable(options.TokenVariable) ?? "",
            Environment.GetEnvironmentVariable(options.RefreshTokenVariable),
            Environment.GetEnvironmentVariable(options.ClientIdVariable),
            Environment.GetEnvironmentVariable(options.ClientSecretVariable));
        _auth = new TwitchAuth(credentials, options.Endpoints, _http, time, logger);
        Helix = new HelixClient(_http, options.Endpoints, _auth);
        var subscriber = new EventSubSubscriber(Helix, types, logger);
        var router = new EventSubRouter(events, LoginOf, logger);
        _connection = new EventSubConnection(options, (session, ct) => subscriber.SubscribeAllAsync(session, _channels, ct), router, setState, IsFatal, stop, time, logger, disposal);
        (_stop, _logger, _disposal) = (stop, logger, disposal);
    }

    public HelixClient Helix { get; }

    /// <summary>The user id of channel <paramref name="login"/>, once connected.</summary>
    public string? BroadcasterIdOf(string login) => _channels.TryGetValue(login, out var id) ? id : null;

    /// <summary>Validates the token, looks the channels up, opens the WebSocket and subscribes.</summary>
    /// <exception cref="ChatBotKitException">No token, a rejected token, an unknown channel, or Twitch refused every subscription.</exception>
    public async Task ConnectAsync(IReadOnlyCollection<string> channels, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_auth.Credentials.AccessToken))
        {
            throw new ChatBotKitException("Twitch EventSub needs a user token: run 'streambot auth twitch' or set TWITCH_OAUTH_TOKEN (see docs/twitch.md).");
        }

        await _auth.ValidateAsync(cancellationToken).ConfigureAwait(false);
        var ids = await Helix.GetUserIdsAsync(channels, cancellationToken).ConfigureAwait(false);
        if (channels.FirstOrDefault(c => !ids.ContainsKey(c)) is { } unknown)
        {
            throw new ChatBotKitException($"Twitch knows no channel '{unknown}'; check the channel names given to AddTwitch.");
        }

        _channels = ids;
        await _connection.ConnectAsync(cancellationToken).ConfigureAwait(false);
        _keeper = KeepTokenAsync();
    }

    /// <summary>Waits for the socket, its handovers and the token keeper, which end on the source's disposal, then releases the HTTP client.</summary>
    public async ValueTask DisposeAsync()
    {
        await _connection.StoppedAsync().ConfigureAwait(false);
        await _keeper.ConfigureAwait(false);
        _auth.Dispose();
        _http.Dispose();
    }

    private static bool IsFatal(Exception exception) => exception is TwitchTokenRejectedException;

    private string? LoginOf(string id) => _channels.FirstOrDefault(pair => pair.Value == id).Key;

    private async Task KeepTokenAsync()
    {
        while (true)
        {
            try
            {
                await _auth.KeepValidAsync(_disposal).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_disposal.IsCancellationRequested)
            {
                return;
            }
            catch (TwitchTokenRejectedException ex)
            {
                _stop(ex);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or ChatBotKitException or OperationCanceledException)
            {
                // Twitch unreachable or slow (an HTTP timeout): the token is checked again at the next turn.
                TwitchAuthLog.ValidationFailed(_logger, ex);
            }
        }
    }
}
