namespace ChatBotKit.Nats;

public sealed partial class NatsConnection
{
    /// <summary>
    /// Publishes a request and waits for the first reply, through the connection's shared inbox
    /// subscription.
    /// </summary>
    /// <param name="subject">Where to send the request.</param>
    /// <param name="data">The request payload.</param>
    /// <param name="headers">Request headers (for example a correlation id).</param>
    /// <param name="timeout">How long to wait; <see langword="null"/> uses <see cref="NatsOptions.RequestTimeout"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="NatsNoRespondersException">Nobody subscribes to <paramref name="subject"/>.</exception>
    /// <exception cref="TimeoutException">No reply within the timeout.</exception>
    public async Task<NatsMsg> RequestAsync(string subject, ReadOnlyMemory<byte> data, NatsHeaders? headers = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var mux = await RequestMuxAsync(cancellationToken).ConfigureAwait(false);
        var (replyTo, id, reply) = mux.Register();
        try
        {
            await PublishAsync(subject, data, headers, replyTo, cancellationToken).ConfigureAwait(false);
            return await reply.WaitAsync(timeout ?? Options.RequestTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No reply on '{subject}' within {timeout ?? Options.RequestTimeout}.");
        }
        finally
        {
            mux.Forget(id);
        }
    }
}
