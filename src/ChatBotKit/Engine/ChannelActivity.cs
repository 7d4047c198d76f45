namespace ChatBotKit.Engine;

/// <summary>How much viewers have said in a channel: in all, and since the bot last spoke.</summary>
internal sealed class ChannelActivity
{
    private int _sinceBotSpoke;
    private long _viewerMessages;

    /// <summary>Viewer messages since the bot last spoke in the channel.</summary>
    public int MessagesSinceBotSpoke => Volatile.Read(ref _sinceBotSpoke);

    /// <summary>Viewer messages since the channel opened.</summary>
    public long ViewerMessages => Interlocked.Read(ref _viewerMessages);

    /// <summary>A viewer wrote a public message.</summary>
    public void ViewerSpoke()
    {
        Interlocked.Increment(ref _sinceBotSpoke);
        Interlocked.Increment(ref _viewerMessages);
    }

    /// <summary>The bot said something in public.</summary>
    public void BotSpoke() => Interlocked.Exchange(ref _sinceBotSpoke, 0);
}
