using System.Runtime.CompilerServices;
using System.Text;
using ChatBotKit.Events;
using ChatBotKit.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Sources;

/// <summary>
/// Feeds a recorded chat log (one <see cref="ChatLogLine"/> per line) through a bot and writes
/// every message the bot sends as one transcript JSON line. Before each event is read it moves
/// <see cref="ReplayChatSourceOptions.Clock"/> to the line's timestamp, so a replay follows the
/// log's time and runs as fast as the machine allows.
/// </summary>
/// <remarks>
/// Bad lines (malformed JSON, a missing or mistyped field, an unparseable timestamp) are logged
/// with the input name and line number, counted in <see cref="SkippedLines"/> and skipped; blank
/// lines are skipped silently. A line whose timestamp is earlier than one before it is still
/// replayed, without moving the clock back, and counted in <see cref="OutOfOrderLines"/>.
/// </remarks>
public sealed class ReplayChatSource : ChatSourceBase
{
    private readonly string? _path;
    private readonly TextWriter _transcript;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _inputName;
    private TextReader? _reader;
    private LineReader? _lines;
    private bool _ownsReader;
    private DateTimeOffset? _latest;
    private long _skipped;
    private long _outOfOrder;
    private (DateTimeOffset Line, long Started)? _paceOrigin;

    /// <summary>Replays the log file at <paramref name="path"/> (UTF-8), opened by <see cref="ChatSourceBase.ConnectAsync"/>.</summary>
    public ReplayChatSource(string path, ReplayChatSourceOptions? options = null)
        : this(options ?? new ReplayChatSourceOptions(), RequirePath(path))
    {
        _path = path;
    }

    /// <summary>Replays the log read from <paramref name="input"/>, which the source does not dispose.</summary>
    public ReplayChatSource(TextReader input, ReplayChatSourceOptions? options = null)
        : this(options ?? new ReplayChatSourceOptions(), "input")
    {
        ArgumentNullException.ThrowIfNull(input);
        Attach(input, owned: false);
    }

    /// <summary>Replays the UTF-8 log read from <paramref name="input"/>, which the source leaves open.</summary>
    public ReplayChatSource(Stream input, ReplayChatSourceOptions? options = null)
        : this(options ?? new ReplayChatSourceOptions(), "input")
    {
        ArgumentNullException.ThrowIfNull(input);
        Attach(new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: -1, leaveOpen: true), owned: true);
    }

    private ReplayChatSource(ReplayChatSourceOptions options, string defaultInputName)
        : base(options.Platform, PlatformLimits.Default, (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ReplayChatSource>())
    {
        Options = options;
        Options.Validate();
        _inputName = Options.InputName ?? defaultInputName;
        _transcript = Options.Transcript ?? Console.Out;
    }

    /// <summary>The source's settings.</summary>
    public ReplayChatSourceOptions Options { get; }

    /// <summary>How many bad lines were skipped so far.</summary>
    public long SkippedLines => Interlocked.Read(ref _skipped);

    /// <summary>How many lines had a timestamp earlier than a line before them (they were still replayed).</summary>
    public long OutOfOrderLines => Interlocked.Read(ref _outOfOrder);

    /// <inheritdoc />
    protected override ValueTask ConnectCoreAsync(CancellationToken cancellationToken)
    {
        if (_lines is null && _path is not null)
        {
            var file = new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite, Options = FileOptions.Asynchronous | FileOptions.SequentialScan };
            Attach(new StreamReader(_path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, file), owned: true);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override async IAsyncEnumerable<ChatEvent> ReadEventsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lines = _lines!;
        while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (ToMessage(line, lines.LineNumber) is { } message)
            {
                if (Options.Pace is { } pace)
                {
                    await WaitForTurnAsync(pace, message.Timestamp, cancellationToken).ConfigureAwait(false);
                }

                yield return message;
            }
        }

        SourceLog.ReplayFinished(Logger, _inputName, lines.LineNumber, SkippedLines, OutOfOrderLines);
    }

    /// <summary>Writes <paramref name="message"/> as one transcript line and flushes it. Writes never interleave.</summary>
    protected override async ValueTask<SendResult> SendCoreAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var line = TranscriptLine.Format(message, Platform) + "\n";
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Once started, a line is written whole: a cancelled half-line would corrupt the transcript.
            await _transcript.WriteAsync(line.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            await _transcript.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }

        return SendResult.Sent;
    }

    /// <inheritdoc />
    protected override ValueTask DisposeCoreAsync()
    {
        _lines?.Abandon();
        if (_ownsReader)
        {
            _reader?.Dispose();
        }

        return base.DisposeCoreAsync();
    }

    private async ValueTask WaitForTurnAsync(TimeProvider pace, DateTimeOffset timestamp, CancellationToken cancellationToken)
    {
        _paceOrigin ??= (timestamp, pace.GetTimestamp());
        var due = timestamp - _paceOrigin.Value.Line - pace.GetElapsedTime(_paceOrigin.Value.Started);
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due, pace, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string RequirePath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return path;
    }

    private void Attach(TextReader reader, bool owned)
    {
        _reader = reader;
        _ownsReader = owned;
        _lines = new LineReader(reader, offload: false);
    }

    private MessageReceived? ToMessage(string line, long lineNumber)
    {
        if (lineNumber == 1 && line.StartsWith('\uFEFF'))
        {
            line = line[1..];
        }

        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        if (!ChatLogLine.TryParse(line, out var entry, out var error))
        {
            Interlocked.Increment(ref _skipped);
            SourceLog.LineSkipped(Logger, _inputName, lineNumber, error);
            if (Logger.IsEnabled(LogLevel.Trace))
            {
                SourceLog.SkippedLineContent(Logger, _inputName, lineNumber, TextSanitizer.Clean(line, 200));
            }

            return null;
        }

        if (_latest is { } latest && entry.Timestamp < latest)
        {
            Interlocked.Increment(ref _outOfOrder);
            SourceLog.TimestampWentBack(Logger, _inputName, lineNumber, latest - entry.Timestamp);
        }
        else
        {
            _latest = entry.Timestamp;
        }

        Options.Clock?.AdvanceTo(entry.Timestamp);
        return entry.ToMessage(Options.Platform, Options.Channel, line);
    }
}
