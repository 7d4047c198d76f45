using System.Collections.Immutable;
using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Twitch.Auth;
using ChatBotKit.Twitch.Helix;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.EventSub;

/// <summary>
/// Everything behind reading Twitch through EventSub: the token (validated at start and hourly,
/// refreshed when needed), the channels' user ids, the subscriptions and the WebSocket. Channels
/// joined or left while connected are subscribed or unsubscribed on the open session. A token
/// Twitch rejects for good ends the feed through the stop callback, without reconnecting.
/// </summary>
internal sealed class EventSubFeed : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private readonly TwitchAuth _auth;
    private readonly TwitchAppToken? _appToken;
    private readonly EventSubConnection _connection;
    private readonly EventSubSubscriber _subscriber;
    private readonly SemaphoreSlim _membership = new(1, 1);
    private readonly Action<Exception> _stop;
    private readonly ILogger _logger;
    private readonly CancellationToken _disposal;
    private readonly string _tokenVariable;
    private ImmutableDictionary<string, string> _channels = ImmutableDictionary.Create<string, string>(StringComparer.Ordinal);
    private bool _connected;
    private Task _keeper = Task.CompletedTask;

    public EventSubFeed(TwitchOptions options, IReadOnlyList<EventSubType> types, ChannelWriter<ChatEvent> events, Action<ConnectionState> setState, Action<Exception> stop, TimeProvider time, ILogger logger, CancellationToken disposal)
    {
        var (credentials, store) = CredentialsOf(options);
        _auth = new TwitchAuth(credentials, options.Endpoints, _http, time, logger, store is null ? null : () => store.Save(credentials.ToTokens()));
        Helix = new HelixClient(_http, options.Endpoints, _auth, credentials);
        _appToken = options.ChatBotBadge ? new TwitchAppToken(credentials, options.Endpoints, _http, time, logger) : null;
        ChatHelix = _appToken is null ? Helix : new HelixClient(_http, options.Endpoints, _appToken, credentials);
        _subscriber = new EventSubSubscriber(Helix, types, logger);
        var router = new EventSubRouter(events, LoginOf, logger);
        _connection = new EventSubConnection(options, (session, ct) => _subscriber.SubscribeAllAsync(session, () => _channels, ct), _subscriber.HandedOver, router, setState, IsFatal, stop, time, logger, disposal);
        (_stop, _logger, _disposal, _tokenVariable) = (stop, logger, disposal, options.TokenVariable);
    }

    /// <summary>Helix as the bot user.</summary>
    public HelixClient Helix { get; }

    /// <summary>Helix for sending chat: with the application's token when the "Chat Bot" badge is on, otherwise <see cref="Helix"/>.</summary>
    public HelixClient ChatHelix { get; }

    /// <summary>The user id of channel <paramref name="login"/>, once connected.</summary>
    public string? BroadcasterIdOf(string login) => _channels.TryGetValue(login, out var id) ? id : null;

    /// <summary>
    /// Validates the token, looks up the channels <paramref name="channels"/> gives (read after any
    /// join or leave in progress), opens the WebSocket and subscribes.
    /// </summary>
    /// <exception cref="ChatBotKitException">No token, a rejected token, an unknown channel, or Twitch refused every subscription.</exception>
    public async Task ConnectAsync(Func<IReadOnlyCollection<string>> channels, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_auth.Credentials.AccessToken))
        {
            throw new ChatBotKitException($"Twitch EventSub needs a user token: run 'streambot auth twitch' or set {_tokenVariable} (see docs/twitch.md).");
        }

        await _membership.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _auth.ValidateAsync(cancellationToken).ConfigureAwait(false);
            if (_appToken is not null)
            {
                await _appToken.GetAsync(cancellationToken).ConfigureAwait(false);
            }

            var logins = channels();
            var ids = await Helix.GetUserIdsAsync(logins, cancellationToken).ConfigureAwait(false);
            if (logins.FirstOrDefault(c => !ids.ContainsKey(c)) is { } unknown)
            {
                throw UnknownChannel(unknown);
            }

            _channels = ids.ToImmutableDictionary(StringComparer.Ordinal);
            await _connection.ConnectAsync(cancellationToken).ConfigureAwait(false);
            _connected = true;
            _keeper = KeepTokenAsync();
        }
        finally
        {
            _membership.Release();
        }
    }

    /// <summary>Reads channel <paramref name="login"/> too, subscribing on the open session; before connecting it does nothing (connecting reads the channels).</summary>
    /// <exception cref="ChatBotKitException">Twitch knows no such channel, or the 300-subscription limit would be passed.</exception>
    public async Task JoinAsync(string login, CancellationToken cancellationToken)
    {
        await _membership.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_connected || _channels.ContainsKey(login))
            {
                return;
            }

            var ids = await Helix.GetUserIdsAsync([login], cancellationToken).ConfigureAwait(false);
            var id = ids.GetValueOrDefault(login) ?? throw UnknownChannel(login);
            _channels = _channels.SetItem(login, id);
            try
            {
                await _subscriber.AddChannelAsync(login, id, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _channels = _channels.Remove(login);
                throw;
            }
        }
        finally
        {
            _membership.Release();
        }
    }

    /// <summary>Stops reading channel <paramref name="login"/>: its subscriptions are deleted.</summary>
    public async Task LeaveAsync(string login, CancellationToken cancellationToken)
    {
        await _membership.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_channels.TryGetValue(login, out var id))
            {
                _channels = _channels.Remove(login);
                await _subscriber.RemoveChannelAsync(login, id, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _membership.Release();
        }
    }

    /// <summary>Waits for the socket, its handovers and the token keeper, which end on the source's disposal, then releases the HTTP client.</summary>
    public async ValueTask DisposeAsync()
    {
        await _connection.StoppedAsync().ConfigureAwait(false);
        await _keeper.ConfigureAwait(false);
        _subscriber.Dispose();
        _appToken?.Dispose();
        _membership.Dispose();
        _auth.Dispose();
        _http.Dispose();
    }

    private static bool IsFatal(Exception exception) => exception is TwitchTokenRejectedException;

    private static ChatBotKitException UnknownChannel(string login) => new($"Twitch knows no channel '{login}'; check the channel names given to AddTwitch.");

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
