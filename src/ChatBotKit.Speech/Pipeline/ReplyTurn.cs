namespace ChatBotKit.Speech.Pipeline;

/// <summary>One reply being spoken: what it answers, and the token that stops it with a reason.</summary>
internal sealed class ReplyTurn : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private string? _reason;

    public ReplyTurn(SpeechRequest request, CancellationToken shutdown, CancellationToken caller)
    {
        Request = request;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(shutdown, caller);
    }

    public SpeechRequest Request { get; }

    public CancellationToken Token => _stop.Token;

    /// <summary>Why the reply was stopped: <c>priority</c>, <c>stop</c>, <c>shutdown</c>, or <c>cancelled</c> by the caller.</summary>
    public string Reason => Volatile.Read(ref _reason) ?? "cancelled";

    public void Interrupt(string reason)
    {
        Interlocked.CompareExchange(ref _reason, reason, null);
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The reply ended while it was being interrupted.
        }
    }

    public void Dispose() => _stop.Dispose();
}
