using System.Runtime.CompilerServices;
using ChatBotKit.Events;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Sources;

/// <summary>
/// The shared base of chat sources. It owns <see cref="State"/> and raises
/// <see cref="StateChanged"/>, makes <see cref="ConnectAsync"/> idempotent, lets one reader at a
/// time enumerate events, ends that enumeration quietly on dispose, rejects use after dispose and
/// answers <see cref="GetService"/>. Derived classes supply connecting, reading and sending.
/// </summary>
public abstract class ChatSourceBase : IChatSource
{
    private readonly Lock _gate = new();

    // Cancelled on dispose so that every read ends. Never disposed itself: a reader racing with
    // disposal can still link to its token, and a token source without a timer holds nothing.
    private readonly CancellationTokenSource _disposal = new();
    private ConnectionState _state;
    private int _reading;
    private int _disposed;

    /// <summary>Creates the base of a source for <paramref name="platform"/>.</summary>
    /// <param name="platform">The platform the source talks to.</param>
    /// <param name="limits">What the platform lets the bot send.</param>
    /// <param name="logger">Where state changes and bad input are logged.</param>
    protected ChatSourceBase(ChatPlatform platform, PlatformLimits limits, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(logger);
        Platform = platform;
        Limits = limits;
        Logger = logger;
    }

    /// <summary>
    /// Raised after <see cref="State"/> changes, on the thread that changed it. Handlers should be
    /// quick; an exception from a handler is logged and ignored.
    /// </summary>
    public event EventHandler<ConnectionStateChangedEventArgs>? StateChanged;

    /// <inheritdoc />
    public ChatPlatform Platform { get; }

    /// <inheritdoc />
    public PlatformLimits Limits { get; protected set; }

    /// <inheritdoc />
    public ConnectionState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>The source's logger.</summary>
    protected ILogger Logger { get; }

    /// <summary>Whether <see cref="DisposeAsync"/> has been called.</summary>
    protected bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Cancelled when the source is disposed; background loops of derived classes should stop on it.</summary>
    protected CancellationToken DisposalToken => _disposal.Token;

    /// <summary>
    /// Opens the connection: <see cref="ConnectionState.Connecting"/>, then
    /// <see cref="ConnectionState.Connected"/>, or back to <see cref="ConnectionState.Disconnected"/>
    /// if <see cref="ConnectCoreAsync"/> throws. Does nothing when already connected or reconnecting.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The source is disposed.</exception>
    /// <exception cref="InvalidOperationException">Another call is connecting at the same time.</exception>
    public async ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        ConnectionState previous;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            if (_state is ConnectionState.Connected or ConnectionState.Reconnecting)
            {
                return;
            }

            if (_state == ConnectionState.Connecting)
            {
                throw new InvalidOperationException("The source is already connecting.");
            }

            previous = _state;
            _state = ConnectionState.Connecting;
        }

        OnStateChanged(previous, ConnectionState.Connecting);
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposal.Token);
            await ConnectCoreAsync(linked.Token).ConfigureAwait(false);
        }
        catch
        {
            SetState(ConnectionState.Disconnected);
            throw;
        }

        SetState(ConnectionState.Connected);
    }

    /// <summary>
    /// Reads events until the input ends, the source is disposed (the enumeration then ends
    /// quietly) or <paramref name="cancellationToken"/> is cancelled (it then throws
    /// <see cref="OperationCanceledException"/>). One reader at a time.
    /// </summary>
    /// <exception cref="InvalidOperationException">The source is not connected, or another reader is active.</exception>
    public async IAsyncEnumerable<ChatEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (IsDisposed)
        {
            yield break;
        }

        if (State is ConnectionState.Disconnected or ConnectionState.Connecting)
        {
            throw new InvalidOperationException("Call ConnectAsync before reading events.");
        }

        if (Interlocked.Exchange(ref _reading, 1) != 0)
        {
            throw new InvalidOperationException("Another caller is already reading this source's events.");
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposal.Token);
            var events = ReadEventsCoreAsync(linked.Token).GetAsyncEnumerator(linked.Token);
            await using (events.ConfigureAwait(false))
            {
                while (await MoveNextAsync(events, cancellationToken).ConfigureAwait(false))
                {
                    yield return events.Current;
                }
            }
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    /// <summary>Sends one message through <see cref="SendCoreAsync"/>.</summary>
    /// <exception cref="ObjectDisposedException">The source is disposed.</exception>
    /// <exception cref="InvalidOperationException">The source is not connected.</exception>
    public ValueTask<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (State is ConnectionState.Disconnected or ConnectionState.Connecting)
        {
            throw new InvalidOperationException("Call ConnectAsync before sending.");
        }

        return SendCoreAsync(message, cancellationToken);
    }

    /// <summary>Returns this source when it is a <paramref name="serviceType"/> and no key is given.</summary>
    public virtual object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>
    /// Ends reading, releases the source's resources through <see cref="DisposeCoreAsync"/> and
    /// moves to <see cref="ConnectionState.Closed"/>. Later calls do nothing.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _disposal.CancelAsync().ConfigureAwait(false);
        try
        {
            await DisposeCoreAsync().ConfigureAwait(false);
        }
        finally
        {
            SetState(ConnectionState.Closed);
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Opens the connection. The token is also cancelled when the source is disposed.</summary>
    protected virtual ValueTask ConnectCoreAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// Reads the source's events. The token is cancelled when the caller cancels or the source is
    /// disposed. Bad wire input must be logged and skipped, never thrown.
    /// </summary>
    protected abstract IAsyncEnumerable<ChatEvent> ReadEventsCoreAsync(CancellationToken cancellationToken);

    /// <summary>Sends one message and says what became of it; called only while the source is connected (or reconnecting) and not disposed.</summary>
    protected abstract ValueTask<SendResult> SendCoreAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Releases the source's resources; called once, after reading has been told to stop.</summary>
    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Moves to <paramref name="state"/> and raises <see cref="StateChanged"/>. Does nothing when the
    /// state is already <paramref name="state"/> or is <see cref="ConnectionState.Closed"/>, which is final.
    /// </summary>
    /// <returns>Whether the state changed.</returns>
    protected bool SetState(ConnectionState state)
    {
        ConnectionState previous;
        lock (_gate)
        {
            if (_state == state || _state == ConnectionState.Closed)
            {
                return false;
            }

            previous = _state;
            _state = state;
        }

        OnStateChanged(previous, state);
        return true;
    }

    private void OnStateChanged(ConnectionState previous, ConnectionState current)
    {
        SourceLog.StateChanged(Logger, Platform, previous, current);
        try
        {
            StateChanged?.Invoke(this, new ConnectionStateChangedEventArgs(previous, current));
        }
        catch (Exception ex)
        {
            SourceLog.StateHandlerFailed(Logger, ex, Platform);
        }
    }

    // Disposal ends the enumeration quietly, even when the derived reader noticed it as a disposed
    // reader rather than a cancelled token; the caller's own cancellation still throws.
    private async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<ChatEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            return await events.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException
            && _disposal.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
