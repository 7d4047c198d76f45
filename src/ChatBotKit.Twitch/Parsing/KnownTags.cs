using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// Where the tags the event parser reads lie in a line, found while <see cref="IrcLine.Parse"/>
/// looks for the end of the tag section, so the section is read once. Values stay raw (escaped):
/// each is an offset and length into the line, read back as a span.
/// </summary>
internal struct KnownTags
{
    private const int Window = 64;
    private const int Chunk = 16;
    private string? _text;
    private Values _at;

    private enum Tag
    {
        None,
        Badges,
        Bits,
        DisplayName,
        Id,
        MessageId,
        UserId,
        Login,
        SentTs,
        ReplyParentMsgId,
        FirstMsg,
        MsgId,
        SourceId,
        Mod,
        Vip,
        Subscriber,
        UserType,
        BanDuration,
        TargetUserId,
        TargetMsgId,
        SystemMsg,
        Count,
    }

    public readonly ReadOnlySpan<char> Badges => Of(Tag.Badges);

    public readonly ReadOnlySpan<char> Bits => Of(Tag.Bits);

    public readonly ReadOnlySpan<char> DisplayName => Of(Tag.DisplayName);

    /// <summary>The <c>id</c> tag, or <c>message-id</c> where <c>id</c> is absent or empty.</summary>
    public readonly ReadOnlySpan<char> Id => _at[(int)Tag.Id].Length > 0 ? Of(Tag.Id) : Of(Tag.MessageId);

    public readonly ReadOnlySpan<char> UserId => Of(Tag.UserId);

    public readonly ReadOnlySpan<char> Login => Of(Tag.Login);

    public readonly ReadOnlySpan<char> SentTs => Of(Tag.SentTs);

    public readonly ReadOnlySpan<char> ReplyParentMsgId => Of(Tag.ReplyParentMsgId);

    public readonly ReadOnlySpan<char> FirstMsg => Of(Tag.FirstMsg);

    public readonly ReadOnlySpan<char> MsgId => Of(Tag.MsgId);

    public readonly ReadOnlySpan<char> SourceId => Of(Tag.SourceId);

    public readonly ReadOnlySpan<char> Mod => Of(Tag.Mod);

    public readonly ReadOnlySpan<char> Vip => Of(Tag.Vip);

    public readonly ReadOnlySpan<char> Subscriber => Of(Tag.Subscriber);

    public readonly ReadOnlySpan<char> UserType => Of(Tag.UserType);

    public readonly ReadOnlySpan<char> BanDuration => Of(Tag.BanDuration);

    public readonly ReadOnlySpan<char> TargetUserId => Of(Tag.TargetUserId);

    public readonly ReadOnlySpan<char> TargetMsgId => Of(Tag.TargetMsgId);

    public readonly ReadOnlySpan<char> SystemMsg => Of(Tag.SystemMsg);

    public readonly bool HasBanDuration => _at[(int)Tag.BanDuration].Exists;

    /// <summary>
    /// Reads into <paramref name="tags"/> the tag section of <paramref name="text"/> that starts at
    /// <paramref name="start"/> (after the <c>@</c>) and ends at the first space or at
    /// <paramref name="end"/>; returns where it ends. <c>;</c>, <c>=</c> and the space are found 64
    /// characters at a time, and every <c>key=value</c> is looked up once by key. A tag without
    /// <c>=</c> is ignored; a repeated tag keeps its last value.
    /// </summary>
    public static int Read(ref KnownTags tags, string text, int start, int end)
    {
        tags._text = text;
        var keyStart = start;
        var equals = -1;
        for (var i = start; ; i += Window)
        {
            var (semicolons, equalSigns, spaces) = Masks(text, i);
            if (end - i < Window)
            {
                // Past the end nothing counts, and the end closes the section like a space.
                var inside = (1UL << (end - i)) - 1;
                semicolons &= inside;
                equalSigns &= inside;
                spaces = (spaces & inside) | (1UL << (end - i));
            }

            // The first space ends the section and its last tag, as a ';' would.
            var stop = spaces & (0 - spaces);
            semicolons = stop == 0 ? semicolons : (semicolons & (stop - 1)) | stop;
            equalSigns = stop == 0 ? equalSigns : equalSigns & (stop - 1);
            while (semicolons != 0)
            {
                var bit = BitOperations.TrailingZeroCount(semicolons);
                semicolons &= semicolons - 1;
                var before = equalSigns & ((1UL << bit) - 1);
                equals = equals < 0 && before != 0 ? i + BitOperations.TrailingZeroCount(before) : equals;
                if (equals >= 0)
                {
                    tags.Keep(text.AsSpan(keyStart, equals - keyStart), new ValueAt(equals + 1, i + bit - equals - 1));
                }

                keyStart = i + bit + 1;
                equals = -1;
                equalSigns &= ~before;
            }

            if (stop != 0)
            {
                return i + BitOperations.TrailingZeroCount(stop);
            }

            equals = equals < 0 && equalSigns != 0 ? i + BitOperations.TrailingZeroCount(equalSigns) : equals;
        }
    }

    private readonly ReadOnlySpan<char> Of(Tag tag) => _at[(int)tag].Of(_text);

    /// <summary>
    /// Bit masks of ';', '=' and ' ' in the 64 characters from <paramref name="at"/>, nothing past the
    /// text: two 32-character compares where the processor has 512-bit vectors, else four of 16.
    /// </summary>
    private static (ulong Semicolons, ulong EqualSigns, ulong Spaces) Masks(string text, int at)
    {
        if (Vector512.IsHardwareAccelerated && at + Window <= text.Length)
        {
            ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
            var low = Vector512.LoadUnsafe(ref start, (nuint)at);
            var high = Vector512.LoadUnsafe(ref start, (nuint)(at + (Window / 2)));
            return (Wide(low, high, ';'), Wide(low, high, '='), Wide(low, high, ' '));
        }

        ulong semicolons = 0, equalSigns = 0, spaces = 0;
        for (var chunk = 0; chunk < Window; chunk += Chunk)
        {
            var (s, e, p) = ChunkMasks(text, at + chunk);
            semicolons |= (ulong)s << chunk;
            equalSigns |= (ulong)e << chunk;
            spaces |= (ulong)p << chunk;
        }

        return (semicolons, equalSigns, spaces);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Wide(Vector512<ushort> low, Vector512<ushort> high, char c) =>
        Vector512.Equals(low, Vector512.Create((ushort)c)).ExtractMostSignificantBits()
        | (Vector512.Equals(high, Vector512.Create((ushort)c)).ExtractMostSignificantBits() << (Window / 2));

    private static (uint Semicolons, uint EqualSigns, uint Spaces) ChunkMasks(string text, int at)
    {
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
        if (at + Chunk <= text.Length)
        {
            return Compare(Vector256.LoadUnsafe(ref first, (nuint)at));
        }

        if (at >= text.Length)
        {
            return default;
        }

        if (text.Length < Chunk)
        {
            return ShortMasks(text.AsSpan(at));
        }

        // The last, partial chunk: the final 16 characters again, shifted so that bit 0 is character at.
        var (s, e, p) = Compare(Vector256.LoadUnsafe(ref first, (nuint)(text.Length - Chunk)));
        var shift = at - (text.Length - Chunk);
        return (s >> shift, e >> shift, p >> shift);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (uint Semicolons, uint EqualSigns, uint Spaces) Compare(Vector256<ushort> chunk) =>
        (Vector256.Equals(chunk, Vector256.Create((ushort)';')).ExtractMostSignificantBits(),
         Vector256.Equals(chunk, Vector256.Create((ushort)'=')).ExtractMostSignificantBits(),
         Vector256.Equals(chunk, Vector256.Create((ushort)' ')).ExtractMostSignificantBits());

    private static (uint Semicolons, uint EqualSigns, uint Spaces) ShortMasks(ReadOnlySpan<char> text)
    {
        uint semicolons = 0, equalSigns = 0, spaces = 0;
        for (var i = 0; i < text.Length; i++)
        {
            semicolons |= text[i] == ';' ? 1u << i : 0;
            equalSigns |= text[i] == '=' ? 1u << i : 0;
            spaces |= text[i] == ' ' ? 1u << i : 0;
        }

        return (semicolons, equalSigns, spaces);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Keep(ReadOnlySpan<char> key, ValueAt value)
    {
        var tag = key switch
        {
            "badges" => Tag.Badges,
            "bits" => Tag.Bits,
            "display-name" => Tag.DisplayName,
            "id" => Tag.Id,
            "message-id" => Tag.MessageId,
            "user-id" => Tag.UserId,
            "login" => Tag.Login,
            "tmi-sent-ts" => Tag.SentTs,
            "reply-parent-msg-id" => Tag.ReplyParentMsgId,
            "first-msg" => Tag.FirstMsg,
            "msg-id" => Tag.MsgId,
            "source-id" => Tag.SourceId,
            "mod" => Tag.Mod,
            "vip" => Tag.Vip,
            "subscriber" => Tag.Subscriber,
            "user-type" => Tag.UserType,
            "ban-duration" => Tag.BanDuration,
            "target-user-id" => Tag.TargetUserId,
            "target-msg-id" => Tag.TargetMsgId,
            "system-msg" => Tag.SystemMsg,
            _ => Tag.None,
        };
        _at[(int)tag] = value;
    }

    /// <summary>Where a value lies in the line; the default is absent.</summary>
    private readonly record struct ValueAt(int Start, int Length)
    {
        public bool Exists => Start > 0;

        public ReadOnlySpan<char> Of(string? text) => Exists ? text.AsSpan(Start, Length) : [];
    }

    [InlineArray((int)Tag.Count)]
    private struct Values
    {
        private ValueAt _first;
    }
}
