using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// The tags the event parser reads, found in one pass over the tag section; values stay raw (escaped).
/// Each value is kept as an offset and length into the tag section and read back as a span.
/// </summary>
internal ref struct KnownTags
{
    private const int Width = 16;
    private readonly ReadOnlySpan<char> _tags;
    private ValueAt _badges;
    private ValueAt _bits;
    private ValueAt _displayName;
    private ValueAt _id;
    private ValueAt _userId;
    private ValueAt _login;
    private ValueAt _sentTs;
    private ValueAt _replyParentMsgId;
    private ValueAt _firstMsg;
    private ValueAt _msgId;
    private ValueAt _sourceId;
    private ValueAt _mod;
    private ValueAt _vip;
    private ValueAt _subscriber;
    private ValueAt _userType;
    private ValueAt _banDuration;
    private ValueAt _targetUserId;
    private ValueAt _targetMsgId;
    private ValueAt _systemMsg;

    /// <summary>
    /// Reads <paramref name="tags"/> in one pass: <c>;</c> and <c>=</c> are found 16 characters at a
    /// time, and every <c>key=value</c> is looked up once by key. A tag without <c>=</c> is ignored;
    /// a repeated tag keeps its last value.
    /// </summary>
    public KnownTags(ReadOnlySpan<char> tags)
    {
        _tags = tags;
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(tags));
        var keyStart = 0;
        var equals = -1;
        for (var i = 0; i <= tags.Length; i += Width)
        {
            uint semicolons, equalSigns;
            if (i + Width <= tags.Length)
            {
                (semicolons, equalSigns) = Masks(Vector256.LoadUnsafe(ref first, (nuint)i));
            }
            else
            {
                // The last, partial chunk: the final 16 characters again, shifted so that bit 0 is
                // character i, and a ';' after the end so the final tag is read like every other.
                var from = Math.Max(tags.Length - Width, 0);
                (semicolons, equalSigns) = tags.Length >= Width ? Masks(Vector256.LoadUnsafe(ref first, (nuint)from)) : ShortMasks(tags);
                semicolons = (semicolons >> (i - from)) | (1u << (tags.Length - i));
                equalSigns >>= i - from;
            }

            while (semicolons != 0)
            {
                var bit = BitOperations.TrailingZeroCount(semicolons);
                semicolons &= semicolons - 1;
                var before = equalSigns & ((1u << bit) - 1);
                equals = equals < 0 && before != 0 ? i + BitOperations.TrailingZeroCount(before) : equals;
                if (equals >= 0)
                {
                    Keep(tags[keyStart..equals], new ValueAt(equals + 1, i + bit - equals - 1));
                }

                keyStart = i + bit + 1;
                equals = -1;
                equalSigns &= ~before;
            }

            equals = equals < 0 && equalSigns != 0 ? i + BitOperations.TrailingZeroCount(equalSigns) : equals;
        }
    }

    public readonly ReadOnlySpan<char> Badges => _badges.Of(_tags);

    public readonly ReadOnlySpan<char> Bits => _bits.Of(_tags);

    public readonly ReadOnlySpan<char> DisplayName => _displayName.Of(_tags);

    public readonly ReadOnlySpan<char> Id => _id.Of(_tags);

    public readonly ReadOnlySpan<char> UserId => _userId.Of(_tags);

    public readonly ReadOnlySpan<char> Login => _login.Of(_tags);

    public readonly ReadOnlySpan<char> SentTs => _sentTs.Of(_tags);

    public readonly ReadOnlySpan<char> ReplyParentMsgId => _replyParentMsgId.Of(_tags);

    public readonly ReadOnlySpan<char> FirstMsg => _firstMsg.Of(_tags);

    public readonly ReadOnlySpan<char> MsgId => _msgId.Of(_tags);

    public readonly ReadOnlySpan<char> SourceId => _sourceId.Of(_tags);

    public readonly ReadOnlySpan<char> Mod => _mod.Of(_tags);

    public readonly ReadOnlySpan<char> Vip => _vip.Of(_tags);

    public readonly ReadOnlySpan<char> Subscriber => _subscriber.Of(_tags);

    public readonly ReadOnlySpan<char> UserType => _userType.Of(_tags);

    public readonly ReadOnlySpan<char> BanDuration => _banDuration.Of(_tags);

    public readonly ReadOnlySpan<char> TargetUserId => _targetUserId.Of(_tags);

    public readonly ReadOnlySpan<char> TargetMsgId => _targetMsgId.Of(_tags);

    public readonly ReadOnlySpan<char> SystemMsg => _systemMsg.Of(_tags);

    public readonly bool HasBanDuration => _banDuration.Exists;

    private static (uint Semicolons, uint EqualSigns) Masks(Vector256<ushort> chunk) =>
        (Vector256.Equals(chunk, Vector256.Create((ushort)';')).ExtractMostSignificantBits(),
         Vector256.Equals(chunk, Vector256.Create((ushort)'=')).ExtractMostSignificantBits());

    private static (uint Semicolons, uint EqualSigns) ShortMasks(ReadOnlySpan<char> tags)
    {
        uint semicolons = 0, equalSigns = 0;
        for (var i = 0; i < tags.Length; i++)
        {
            semicolons |= tags[i] == ';' ? 1u << i : 0;
            equalSigns |= tags[i] == '=' ? 1u << i : 0;
        }

        return (semicolons, equalSigns);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Keep(ReadOnlySpan<char> key, ValueAt value)
    {
        switch (key)
        {
            case "badges": _badges = value; break;
            case "bits": _bits = value; break;
            case "display-name": _displayName = value; break;
            case "id": _id = value; break;
            case "message-id": _id = _id.Length == 0 ? value : _id; break;
            case "user-id": _userId = value; break;
            case "login": _login = value; break;
            case "tmi-sent-ts": _sentTs = value; break;
            case "reply-parent-msg-id": _replyParentMsgId = value; break;
            case "first-msg": _firstMsg = value; break;
            case "msg-id": _msgId = value; break;
            case "source-id": _sourceId = value; break;
            case "mod": _mod = value; break;
            case "vip": _vip = value; break;
            case "subscriber": _subscriber = value; break;
            case "user-type": _userType = value; break;
            case "ban-duration": _banDuration = value; break;
            case "target-user-id": _targetUserId = value; break;
            case "target-msg-id": _targetMsgId = value; break;
            case "system-msg": _systemMsg = value; break;
            default: break;
        }
    }

    /// <summary>Where a value lies in the tag section; the default is absent.</summary>
    private readonly record struct ValueAt(int Start, int Length)
    {
        public bool Exists => Start > 0;

        public ReadOnlySpan<char> Of(ReadOnlySpan<char> tags) => Exists ? tags.Slice(Start, Length) : [];
    }
}
