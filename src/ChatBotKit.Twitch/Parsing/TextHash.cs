using System.Numerics;
using System.Runtime.InteropServices;

namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// A fast 64-bit hash of short texts (logins, display names, ids) for telling "same as last time"
/// without touching the cached strings. Not randomized: use it to detect change, never to key
/// a table that untrusted input could flood.
/// </summary>
internal static class TextHash
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = (ulong)(text.Length + 1) * Multiplier;
        var words = MemoryMarshal.Cast<char, ulong>(text);
        foreach (var word in words)
        {
            hash = (BitOperations.RotateLeft(hash, 27) ^ word) * Multiplier;
        }

        for (var i = words.Length * 4; i < text.Length; i++)
        {
            hash = (BitOperations.RotateLeft(hash, 27) ^ text[i]) * Multiplier;
        }

        return hash ^ (hash >> 29);
    }
}
