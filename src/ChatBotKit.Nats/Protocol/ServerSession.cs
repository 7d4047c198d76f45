using System.IO.Pipelines;
using System.Net.Sockets;

namespace ChatBotKit.Nats.Protocol;

/// <summary>One live socket to one server, with the loops that serve it; replaced on reconnect.</summary>
internal sealed class ServerSession : IAsyncDisposable
{
    private readonly TaskCompletionSource<string> _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ServerSession(Uri server, Socket socket, Stream stream, ServerInfo info)
    {
        Server = server;
        Socket = socket;
        Stream = stream;
        Info = info;
        Reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
    }

    public Uri Server { get; }

    public Socket Socket { get; }

    public Stream Stream { get; }

    public PipeReader Reader { get; }

    public ServerInfo Info { get; set; }

    public CancellationTokenSource Stopping { get; } = new();

    public int PingsOut;

    /// <summary>Completes with a reason when the session has failed.</summary>
    public Task<string> Lost => _lost.Task;

    public List<Task> Loops { get; } = [];

    public void Fail(string reason) => _lost.TrySetResult(reason);

    public async ValueTask DisposeAsync()
    {
        Fail("closed");
        await Stopping.CancelAsync().ConfigureAwait(false);
        Socket.Dispose();
        try
        {
            await Task.WhenAll(Loops).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // The loops end by cancellation or by the closed socket.
        }

        await Reader.CompleteAsync().ConfigureAwait(false);
        await Stream.DisposeAsync().ConfigureAwait(false);
        Stopping.Dispose();
    }
}
