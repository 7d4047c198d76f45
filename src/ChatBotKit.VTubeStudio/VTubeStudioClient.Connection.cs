using System.Net.WebSockets;
using ChatBotKit.Sources;
using ChatBotKit.VTubeStudio.Client;

namespace ChatBotKit.VTubeStudio;

public sealed partial class VTubeStudioClient
{
    private async Task RunAsync()
    {
        var backoff = new ReconnectBackoff(_options.MinReconnectDelay, _options.MaxReconnectDelay);
        var stop = _stop.Token;
        var everConnected = false;
        while (!stop.IsCancellationRequested)
        {
            SetState(everConnected ? ConnectionState.Reconnecting : ConnectionState.Connecting);
            try
            {
                await using var session = await VtsSession.ConnectAsync(_options.Endpoint, Publish, Unready, _logger, _time, _options.RequestTimeout, stop).ConfigureAwait(false);
                await _authenticator.AuthenticateAsync(session, stop).ConfigureAwait(false);
                await ResubscribeAsync(session, stop).ConfigureAwait(false);
                backoff.Reset();
                everConnected = true;
                SetState(ConnectionState.Connected);
                VTubeStudioLog.Connected(_logger, _options.Endpoint, _subscriptions.Count);
                SetReady(session);
                await session.Completion.WaitAsync(stop).ConfigureAwait(false);
                VTubeStudioLog.Disconnected(_logger, _options.Endpoint);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (VTubeStudioException ex) when (ex.ErrorId == VTubeStudioErrorId.TokenRequestDenied)
            {
                // Asking again would pop the same dialog up again and again: stop until restarted.
                VTubeStudioLog.Denied(_logger, _options.PluginName);
                Fail(ex);
                SetState(ConnectionState.Disconnected);
                return;
            }
            catch (Exception ex) when (ex is ChatBotKitException or WebSocketException or IOException or UnauthorizedAccessException or OperationCanceledException)
            {
                VTubeStudioLog.ConnectFailed(_logger, _options.Endpoint, ex.Message, backoff.Peek);
            }
            finally
            {
                Unready(null);
            }

            try
            {
                await Task.Delay(backoff.Next(), _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task ResubscribeAsync(VtsSession session, CancellationToken cancellationToken)
    {
        foreach (var (name, config) in _subscriptions)
        {
            await session.RequestAsync("EventSubscriptionRequest", Subscription(name, config, subscribe: true), _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Publish(VTubeStudioEvent @event)
    {
        foreach (var reader in _readers.Keys)
        {
            reader.Writer.TryWrite(@event);
        }
    }

    /// <summary>Requests from now on wait for the next connection: after <paramref name="closed"/> ended, or (null) whatever ended.</summary>
    private void Unready(VtsSession? closed)
    {
        lock (_gate)
        {
            if (_ready.Task.IsCompletedSuccessfully && (closed is null || closed == _readySession))
            {
                _ready = NewReady();
            }
        }
    }

    private void SetReady(VtsSession session)
    {
        lock (_gate)
        {
            _readySession = session;
            _ready.TrySetResult(session);
        }
    }

    private void Fail(Exception reason)
    {
        lock (_gate)
        {
            if (_ready.Task.IsCompleted)
            {
                _ready = NewReady();
            }

            _ready.TrySetException(reason);
        }
    }

    private void SetState(ConnectionState state)
    {
        var previous = _state;
        if (previous == state)
        {
            return;
        }

        _state = state;
        StateChanged?.Invoke(this, new ConnectionStateChangedEventArgs(previous, state));
    }
}
