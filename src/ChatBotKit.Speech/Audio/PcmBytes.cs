using System.Buffers.Binary;

namespace ChatBotKit.Speech.Audio;

/// <summary>Turns samples into the little-endian bytes that WAV files and sound servers take.</summary>
internal static class PcmBytes
{
    public static void Write(ReadOnlySpan<short> samples, Span<byte> destination)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(destination[(i * 2)..], samples[i]);
        }
    }

    public static byte[] ToArray(ReadOnlySpan<short> samples)
    {
        var bytes = new byte[samples.Length * 2];
        Write(samples, bytes);
        return bytes;
    }
}
