using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Twitch.Auth;
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
    private readonly string _tokenVariable;
    private IReadOnlyDictionary<string, string> _channels = new Dictionary<string, string>();
    private Task _keeper = Task.CompletedTask;

    public EventSubFeed(TwitchOptions options, IReadOnlyList<EventSubType> types, ChannelWriter<ChatEvent> events, Action<ConnectionState> setState, Action<Exception> stop, TimeProvider time, ILogger logger, CancellationToken disposal)
    {
        var (credentials, store) = CredentialsOf(options);
        _auth = new TwitchAuth(credentials, options.Endpoints, _http, time, logger, store is null ? null : () => store.Save(credentials.ToTokens()));
        Helix = new HelixClient(_http, options.Endpoints, _auth);
        var subscriber = new EventSubSubscriber(Helix, types, logger);
        var router = new EventSubRouter(events, LoginOf, logger);
        _connection = new EventSubConnection(options, (session, ct) => subscriber.SubscribeAllAsync(session, _channels, ct), router, setState, IsFatal, stop, time, logger, disposal);
        (_stop, _logger, _disposal, _tokenVariable) = (stop, logger, disposal, options.TokenVariable);
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
            throw new ChatBotKitException($"Twitch EventSub needs a user token: run 'streambot auth twitch' or set {_tokenVariable} (see docs/twitch.md).");
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

    // The token variable when it is set; otherwise the token file, which then also keeps refreshed tokens.
    private static (TwitchCredentials Credentials, TwitchTokenStore? Store) CredentialsOf(TwitchOptions options)
    {
        var secret = Environment.GetEnvironmentVariable(options.ClientSecretVariable);
        if (Environment.GetEnvironmentVariable(options.TokenVariable) is { Length: > 0 } token)
        {
            return (new TwitchCredentials(token, Environment.GetEnvironmentVariable(options.RefreshTokenVariable), Environment.GetEnvironmentVariable(options.ClientIdVariable), secret), null);
        }

        var store = new TwitchTokenStore(options.TokenFile);
        return store.Load() is { } stored
            ? (new TwitchCredentials(stored.AccessToken, stored.RefreshToken, stored.ClientId, secret) { Scopes = stored.Scopes }, store)
            : (new TwitchCredentials("", null, null, null), null);
    }

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
