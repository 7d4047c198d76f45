namespace ChatBotKit.Speech.Pipeline;

/// <summary>The replies being spoken or waiting for the voice; a newer one of higher priority interrupts the lower ones.</summary>
internal sealed class ReplyTurns
{
    private readonly List<ReplyTurn> _active = [];

    public ReplyTurn Open(SpeechRequest request, CancellationToken shutdown, CancellationToken caller)
    {
        var turn = new ReplyTurn(request, shutdown, caller);
        List<ReplyTurn> lower;
        lock (_active)
        {
            lower = _active.Where(t => t.Request.Priority < request.Priority).ToList();
            _active.Add(turn);
        }

        lower.ForEach(t => t.Interrupt("priority"));
        return turn;
    }

    public int InterruptAll(string reason)
    {
        List<ReplyTurn> all;
        lock (_active)
        {
            all = [.. _active];
        }

        all.ForEach(t => t.Interrupt(reason));
        return all.Count;
    }

    public void Close(ReplyTurn turn)
    {
        lock (_active)
        {
            _active.Remove(turn);
        }

        turn.Dispose();
    }
}
