using System.Buffers.Binary;

namespace ChatBotKit.Speech.Audio;

/// <summary>Writes mono 16-bit PCM as a RIFF/WAVE file.</summary>
internal static class WavEncoder
{
    public const int HeaderSize = 44;

    public static byte[] Encode(PcmAudio audio)
    {
        var bytes = new byte[HeaderSize + (audio.Samples.Length * 2)];
        WriteHeader(bytes, audio.SampleRate, audio.Samples.Length * 2);
        PcmBytes.Write(audio.Samples.Span, bytes.AsSpan(HeaderSize));
        return bytes;
    }

    /// <summary>Fills the 44-byte header of a mono 16-bit file whose data is <paramref name="dataBytes"/> long.</summary>
    public static void WriteHeader(Span<byte> header, int sampleRate, int dataBytes)
    {
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(header[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], dataBytes);
    }
}
