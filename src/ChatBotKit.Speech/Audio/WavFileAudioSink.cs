using System.Globalization;

namespace ChatBotKit.Speech.Audio;

/// <summary>
/// Writes each utterance to its own numbered WAV file in a folder (<c>utterance-0001.wav</c>, …),
/// continuing after the highest number already there.
/// </summary>
public sealed class WavFileAudioSink : IAudioSink
{
    private const string Prefix = "utterance-";
    private readonly string _directory;
    private int _number;
    private FileStream? _file;
    private int _sampleRate;
    private int _dataBytes;

    /// <summary>Writes into <paramref name="directory"/>, creating it if needed.</summary>
    public WavFileAudioSink(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Directory.CreateDirectory(directory).FullName;
        _number = Directory.EnumerateFiles(_directory, Prefix + "*.wav")
            .Select(f => int.TryParse(Path.GetFileNameWithoutExtension(f).AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
    }

    /// <inheritdoc />
    public bool PlaysInRealTime => false;

    /// <summary>The file of the utterance being written, or the last one written.</summary>
    public string? LastFile { get; private set; }

    /// <inheritdoc />
    public async ValueTask BeginUtteranceAsync(int sampleRate, CancellationToken cancellationToken = default)
    {
        await EndUtteranceAsync(cancellationToken).ConfigureAwait(false);
        _number++;
        LastFile = Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{_number:D4}.wav"));
        _file = new FileStream(LastFile, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, useAsync: true);
        _sampleRate = sampleRate;
        _dataBytes = 0;
        await _file.WriteAsync(new byte[WavEncoder.HeaderSize], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken = default)
    {
        if (_file is null)
        {
            throw new InvalidOperationException("WriteAsync was called outside an utterance.");
        }

        await _file.WriteAsync(PcmBytes.ToArray(samples.Span), cancellationToken).ConfigureAwait(false);
        _dataBytes += samples.Length * 2;
    }

    /// <inheritdoc />
    public async ValueTask EndUtteranceAsync(CancellationToken cancellationToken = default)
    {
        if (_file is not { } file)
        {
            return;
        }

        _file = null;
        await using (file.ConfigureAwait(false))
        {
            var header = new byte[WavEncoder.HeaderSize];
            WavEncoder.WriteHeader(header, _sampleRate, _dataBytes);
            file.Position = 0;
            await file.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => EndUtteranceAsync(CancellationToken.None);
}
