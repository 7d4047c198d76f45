using System.Diagnostics;
using ChatBotKit.Sources;

namespace ChatBotKit.Cli;

/// <summary>Hands out chat-log lines no sooner than their timestamps say, measured from the first line (<c>replay --realtime</c>).</summary>
internal sealed class RealtimeLogReader(TextReader inner) : TextReader
{
    private readonly Stopwatch _elapsed = new();
    private DateTimeOffset? _first;

    public override string? ReadLine()
    {
        var line = inner.ReadLine();
        if (line is not null && ChatLogLine.TryParse(line, out var entry, out _))
        {
            _first ??= entry.Timestamp;
            _elapsed.Start();
            var wait = (entry.Timestamp - _first.Value) - _elapsed.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }
        }

        return line;
    }

    public override Task<string?> ReadLineAsync() => Task.Run(ReadLine);

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => new(Task.Run(ReadLine, cancellationToken));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
