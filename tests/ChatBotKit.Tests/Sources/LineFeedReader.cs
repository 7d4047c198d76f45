using System.Collections.Concurrent;

namespace ChatBotKit.Tests.Sources;

/// <summary>
/// A live text input: tests write lines while a source reads. With <c>blocksLikeConsole</c> its
/// async reads block the calling thread and ignore cancellation once started, as
/// <see cref="Console.In"/> does.
/// </summary>
public sealed class LineFeedReader(bool blocksLikeConsole = false) : TextReader
{
    private readonly ConcurrentQueue<string?> _lines = new();
    private readonly SemaphoreSlim _available = new(0);

    public void Write(string line)
    {
        _lines.Enqueue(line);
        _available.Release();
    }

    public void End()
    {
        _lines.Enqueue(null);
        _available.Release();
    }

    public override string? ReadLine()
    {
        _available.Wait();
        return Take();
    }

    public override Task<string?> ReadLineAsync() => ReadLineAsync(CancellationToken.None).AsTask();

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (blocksLikeConsole)
        {
            return ReadLine();
        }

        await _available.WaitAsync(cancellationToken);
        return Take();
    }

    // The end of input stays the end for every later read.
    private string? Take()
    {
        _lines.TryDequeue(out var line);
        if (line is null)
        {
            End();
        }

        return line;
    }
}
