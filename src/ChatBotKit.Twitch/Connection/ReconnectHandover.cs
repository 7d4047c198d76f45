using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.Connection;

/// <summary>
/// A RECONNECT from Twitch, make before break. Twitch keeps the old connection working for a while,
/// so a new one is opened, logged in and joined to every channel while the old one is still read;
/// once the server confirmed the JOINs, sending switches to the new one, and only then is the old
/// one closed. Lines that arrive on both meanwhile are delivered once.
/// </summary>
internal sealed class ReconnectHandover(TwitchConnection connection, TwitchLineRouter router, TimeSpan connectTimeout, TimeProvider time, ILogger logger)
{
    // How long the old connection is still read after the switch, for lines already on their way.
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(2);

    // How long after the switch lines are still checked for copies the old connection delivered.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <summary>Replaces <paramref name="old"/>; true once sending switched to the new session.</summary>
    public async Task<bool> RunAsync(TwitchSession old, CancellationToken disposal)
    {
        TwitchLog.ReconnectRequested(logger);
        router.BeginOverlap();
        try
        {
            var next = await connection.OpenAsync(disposal).ConfigureAwait(false);
            connection.StartReading(next);
            try
            {
                var joined = await connection.JoinAllAsync(next, disposal).ConfigureAwait(false);
                await WaitForJoinsAsync(next.Irc, joined, disposal).ConfigureAwait(false);
                await connection.MakeCurrentAsync(next, joined, disposal).ConfigureAwait(false);
            }
            catch
            {
                await next.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            connection.Adopt(next);
            TwitchLog.HandedOver(logger);
            old.StopReadingAfter(Linger);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !disposal.IsCancellationRequested)
        {
            TwitchLog.HandoverFailed(logger, ex);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            router.EndOverlapAt(time.GetUtcNow() + Grace);
        }
    }

    // Within ConnectTimeout; past it the switch happens anyway.
    private async Task WaitForJoinsAsync(IrcSession session, IReadOnlyCollection<string> joined, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(connectTimeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await session.WaitForJoinsAsync(joined, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            TwitchLog.JoinsUnconfirmed(logger, connectTimeout);
        }
    }
}
