using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ChatBotKit.Twitch.Parsing;

/// <summary>The tags the event parser reads, found in one pass over the tag section; values stay raw (escaped).</summary>
internal ref struct KnownTags
{
    public ReadOnlySpan<char> Badges;
    public ReadOnlySpan<char> Bits;
    public ReadOnlySpan<char> DisplayName;
    public ReadOnlySpan<char> Id;
    public ReadOnlySpan<char> UserId;
    public ReadOnlySpan<char> Login;
    public ReadOnlySpan<char> SentTs;
    public ReadOnlySpan<char> ReplyParentMsgId;
    public ReadOnlySpan<char> FirstMsg;
    public ReadOnlySpan<char> MsgId;
    public ReadOnlySpan<char> SourceId;
    public ReadOnlySpan<char> Mod;
    public ReadOnlySpan<char> Vip;
    public ReadOnlySpan<char> Subscriber;
    public ReadOnlySpan<char> UserType;
    public ReadOnlySpan<char> BanDuration;
    public ReadOnlySpan<char> TargetUserId;
    public ReadOnlySpan<char> TargetMsgId;
    public ReadOnlySpan<char> SystemMsg;
    public bool HasBanDuration;

    /// <summary>Reads the tag section in one pass: separators are found 16 characters at a time where the CPU allows.</summary>
    public static KnownTags Read(ReadOnlySpan<char> tags)
    {
        var known = default(KnownTags);
        var keyStart = 0;
        var equals = -1;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(tags));
            for (; i <= tags.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                var chunk = Vector256.LoadUnsafe(ref first, (nuint)i);
                var semicolons = Vector256.Equals(chunk, Vector256.Create((ushort)';')).ExtractMostSignificantBits();
                var separators = semicolons | Vector256.Equals(chunk, Vector256.Create((ushort)'=')).ExtractMostSignificantBits();
                while (separators != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(separators);
                    separators &= separators - 1;
                    if ((semicolons & (1u << bit)) == 0)
                    {
                        equals = equals < 0 ? i + bit : equals;
                        continue;
                    }

                    known.Accept(tags, keyStart, equals, i + bit);
                    keyStart = i + bit + 1;
                    equals = -1;
                }
            }
        }

        for (; i < tags.Length; i++)
        {
            if (tags[i] == '=')
            {
                equals = equals < 0 ? i : equals;
            }
            else if (tags[i] == ';')
            {
                known.Accept(tags, keyStart, equals, i);
                keyStart = i + 1;
                equals = -1;
            }
        }

        known.Accept(tags, keyStart, equals, tags.Length);
        return known;
    }

    /// <summary>Keeps the value of the tag <c>key=value</c> that ends at <paramref name="end"/>; a tag without <c>=</c> is ignored.</summary>
    private void Accept(ReadOnlySpan<char> tags, int keyStart, int equals, int end)
    {
        if (equals < 0)
        {
            return;
        }

        var key = tags[keyStart..equals];
        var value = tags[(equals + 1)..end];
        switch (key)
        {
            case "badges": Badges = value; break;
            case "bits": Bits = value; break;
            case "display-name": DisplayName = value; break;
            case "id": Id = value; break;
            case "message-id": Id = Id.IsEmpty ? value : Id; break;
            case "user-id": UserId = value; break;
            case "login": Login = value; break;
            case "tmi-sent-ts": SentTs = value; break;
            case "reply-parent-msg-id": ReplyParentMsgId = value; break;
            case "first-msg": FirstMsg = value; break;
            case "msg-id": MsgId = value; break;
            case "source-id": SourceId = value; break;
            case "mod": Mod = value; break;
            case "vip": Vip = value; break;
            case "subscriber": Subscriber = value; break;
            case "user-type": UserType = value; break;
            case "ban-duration": BanDuration = value; HasBanDuration = true; break;
            case "target-user-id": TargetUserId = value; break;
            case "target-msg-id": TargetMsgId = value; break;
            case "system-msg": SystemMsg = value; break;
            default: break;
        }
    }
}
