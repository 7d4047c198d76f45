using ChatBotKit.Twitch.Connection;
using ChatBotKit.Twitch.Sending;

namespace ChatBotKit.Twitch;

public sealed partial class TwitchChatSource
{
    private readonly SemaphoreSlim _joinGate = new(1, 1);
    private SlidingWindow? _joins;

    /// <inheritdoc />
    public async ValueTask JoinAsync(string channel, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        channel = NormalizeChannel(channel);
        Task<IrcSession> ready;
        lock (_gate)
        {
            if (!_channels.Add(channel))
            {
                return;
            }

            ready = _ready.Task;
        }

        if (ready.IsCompletedSuccessfully)
        {
            await JoinOnAsync(ready.Result, channel, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public ValueTask LeaveAsync(string channel, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        channel = NormalizeChannel(channel);
        Task<IrcSession> ready;
        lock (_gate)
        {
            if (!_channels.Remove(channel))
            {
                return ValueTask.CompletedTask;
            }

            ready = _ready.Task;
        }

        if (ready.IsCompletedSuccessfully)
        {
            ready.Result.TryWrite("PART #" + channel);
        }

        return ValueTask.CompletedTask;
    }

    // JOINs are paced under Twitch's join limit, one at a time across the source.
    private async Task JoinOnAsync(IrcSession session, string channel, CancellationToken cancellationToken)
    {
        await _joinGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _joins ??= new SlidingWindow(_options.Send.JoinWindow);
            TimeSpan delay;
            while ((delay = _joins.DelayUntilBelow(_options.Send.JoinsPerWindow, _time.GetUtcNow())) > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }

            _joins.Add(_time.GetUtcNow());
            session.TryWrite("JOIN #" + channel);
        }
        finally
        {
            _joinGate.Release();
        }
    }
}
