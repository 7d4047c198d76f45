using ChatBotKit.Nats.Protocol;

namespace ChatBotKit.Nats;

public sealed partial class NatsConnection
{
    private readonly Lock _muxLock = new();
    private RequestMux? _mux;

    /// <summary>
    /// Subscribes to <paramref name="subject"/> (wildcards allowed), sharing messages with the other
    /// members of <paramref name="queueGroup"/> when given. When connected, returns after the server
    /// has registered the subscription; it is renewed after every reconnect.
    /// </summary>
    public async ValueTask<NatsSubscription> SubscribeAsync(string subject, string? queueGroup = null, CancellationToken cancellationToken = default)
    {
        ValidateSubject(subject, nameof(subject));
        if (queueGroup is not null)
        {
            ValidateSubject(queueGroup, nameof(queueGroup));
        }

        ObjectDisposedException.ThrowIf(State == NatsConnectionState.Closed, this);
        var subscription = new NatsSubscription(this, Interlocked.Increment(ref _nextSid), subject, queueGroup, Options.SubscriptionCapacity);
        _targets[subscription.Sid] = subscription;
        await RegisterAsync(subscription, cancellationToken).ConfigureAwait(false);
        return subscription;
    }

    internal void Unsubscribe(NatsSubscription subscription)
    {
        if (_targets.TryRemove(subscription.Sid, out _))
        {
            _writer.WriteControl(CommandEncoder.Unsubscribe(subscription.Sid));
        }
    }

    private async ValueTask RegisterAsync(IMessageTarget target, CancellationToken cancellationToken)
    {
        _writer.WriteControl(CommandEncoder.Subscribe(target.Subject, target.QueueGroup, target.Sid));
        var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _writer.WritePing(waiter);

        // False means the connection went away; the reconnect resubscribes.
        await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<RequestMux> RequestMuxAsync(CancellationToken cancellationToken)
    {
        RequestMux? created = null;
        lock (_muxLock)
        {
            if (_mux is null)
            {
                _mux = created = new RequestMux(Options.InboxPrefix, Interlocked.Increment(ref _nextSid));
                _targets[created.Sid] = created;
            }
        }

        if (created is not null)
        {
            await RegisterAsync(created, cancellationToken).ConfigureAwait(false);
        }

        return _mux;
    }
}
