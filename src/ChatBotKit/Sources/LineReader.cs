namespace ChatBotKit.Sources;

/// <summary>
/// Reads lines from a <see cref="TextReader"/> so that cancelling a wait loses nothing: the read in
/// progress is kept and the next call picks it up. With <c>offload</c>, each read runs on the
/// thread pool, for readers such as <see cref="Console.In"/> whose reads block the calling thread
/// whatever method is called. One caller at a time.
/// </summary>
internal sealed class LineReader(TextReader reader, bool offload)
{
    private Task<string?>? _pending;

    /// <summary>How many lines have been returned so far; the number of the last line returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The next line, or <see langword="null"/> at the end of the input.</summary>
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_pending is null)
        {
            if (offload)
            {
                _pending = Task.Run(reader.ReadLine, CancellationToken.None);
            }
            else
            {
                var read = reader.ReadLineAsync(CancellationToken.None);
                if (read.IsCompletedSuccessfully)
                {
                    return Count(read.Result);
                }

                _pending = read.AsTask();
            }
        }

        var pending = _pending;
        await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        _pending = null;
        return Count(await pending.ConfigureAwait(false));
    }

    /// <summary>Gives up on a read in progress; its eventual failure (a disposed reader) is observed so it is not reported as unobserved.</summary>
    public void Abandon() =>
        _pending?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private string? Count(string? line)
    {
        if (line is not null)
        {
            LineNumber++;
        }

        return line;
    }
}
