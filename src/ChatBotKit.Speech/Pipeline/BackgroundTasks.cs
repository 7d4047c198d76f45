using System.Collections.Concurrent;

namespace ChatBotKit.Speech.Pipeline;

/// <summary>The pipeline's loops and syntheses still running, so that disposing awaits every one of them.</summary>
internal sealed class BackgroundTasks
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public int Count => _running.Count;

    public Task<T> Track<T>(Task<T> task)
    {
        Track((Task)task);
        return task;
    }

    public Task Track(Task task)
    {
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    public async Task WhenAllAsync()
    {
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Keys).ConfigureAwait(false);
        }
    }
}
