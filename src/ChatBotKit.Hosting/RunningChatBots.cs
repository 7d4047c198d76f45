namespace ChatBotKit.Hosting;

/// <summary>The bots running in this process, for <c>/health</c> and for code that wants to reach an engine by key.</summary>
internal sealed class RunningChatBots
{
    private readonly Lock _gate = new();
    private ChatBotRuntime[] _all = [];

    /// <summary>The running bots in start order.</summary>
    public IReadOnlyList<ChatBotRuntime> All => Volatile.Read(ref _all);

    /// <summary>The bot registered under <paramref name="key"/>, or <see langword="null"/>.</summary>
    public ChatBotRuntime? Find(string key) => All.FirstOrDefault(r => string.Equals(r.Name, key, StringComparison.Ordinal));

    /// <summary>Adds a started bot.</summary>
    public void Add(ChatBotRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        lock (_gate)
        {
            Volatile.Write(ref _all, [.. _all, runtime]);
        }
    }

    /// <summary>Removes a bot that stopped.</summary>
    public void Remove(ChatBotRuntime runtime)
    {
        lock (_gate)
        {
            Volatile.Write(ref _all, [.. _all.Where(r => !ReferenceEquals(r, runtime))]);
        }
    }
}
