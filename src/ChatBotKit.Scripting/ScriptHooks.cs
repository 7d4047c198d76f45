namespace ChatBotKit.Scripting;

/// <summary>The start and stop hooks a script registered through its globals.</summary>
public sealed class ScriptHooks
{
    private readonly List<Func<CancellationToken, Task>> _onStart = [];
    private readonly List<Func<CancellationToken, Task>> _onStop = [];

    internal void AddStart(Func<CancellationToken, Task> hook) => _onStart.Add(hook);

    internal void AddStop(Func<CancellationToken, Task> hook) => _onStop.Add(hook);

    /// <summary>How many start hooks the script registered.</summary>
    public int StartCount => _onStart.Count;

    /// <summary>How many stop hooks the script registered.</summary>
    public int StopCount => _onStop.Count;

    internal IReadOnlyList<Func<CancellationToken, Task>> Start => _onStart;

    internal IReadOnlyList<Func<CancellationToken, Task>> Stop => _onStop;

    internal void Clear()
    {
        _onStart.Clear();
        _onStop.Clear();
    }
}
