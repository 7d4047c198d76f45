using System.Collections.Concurrent;
using System.Text;

namespace ChatBotKit.Tests.Sources;

/// <summary>A text output that hands each completed line to a waiting test.</summary>
public sealed class LineSink : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _all = new();
    private readonly StringBuilder _current = new();
    private readonly ConcurrentQueue<string> _unread = new();
    private readonly SemaphoreSlim _signal = new(0);

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Everything written, exactly.</summary>
    public string Written
    {
        get
        {
            lock (_gate)
            {
                return _all.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            _all.Append(value);
            if (value != '\n')
            {
                _current.Append(value);
                return;
            }

            _unread.Enqueue(_current.ToString().TrimEnd('\r'));
            _current.Clear();
        }

        _signal.Release();
    }

    public async Task<string> NextLineAsync()
    {
        var written = await _signal.WaitAsync(TimeSpan.FromSeconds(10));
        written.Should().BeTrue("the source should have written a line");
        _unread.TryDequeue(out var line).Should().BeTrue();
        return line!;
    }
}
