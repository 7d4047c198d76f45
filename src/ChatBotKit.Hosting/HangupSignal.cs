using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace ChatBotKit.Hosting;

/// <summary>
/// SIGHUP as reload requests, for apps (<see cref="HangupReloadService"/>) and the <c>streambot</c>
/// tool alike. The signal is taken from creation to disposal, so a SIGHUP in that time never ends the
/// process; signals that arrive while one is served fold into one more. Nothing is taken on Windows.
/// </summary>
internal sealed class HangupSignal : IDisposable
{
    private readonly Channel<bool> _hangups = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly PosixSignalRegistration? _registration;

    public HangupSignal() => _registration = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
    {
        context.Cancel = true;
        _hangups.Writer.TryWrite(true);
    });

    /// <summary>Runs <paramref name="reload"/> for each SIGHUP, one at a time, until <see cref="Complete"/> or cancellation.</summary>
    public async Task ServeAsync(Func<CancellationToken, Task> reload, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in _hangups.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await reload(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Ends <see cref="ServeAsync"/> after the reload in progress; SIGHUP is still taken (and ignored) until disposal.</summary>
    public void Complete() => _hangups.Writer.TryComplete();

    public void Dispose()
    {
        Complete();
        _registration?.Dispose();
    }
}
