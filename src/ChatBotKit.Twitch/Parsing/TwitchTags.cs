namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// The tags the event parser reads, found in one pass over a line's tag section. Values stay raw
/// (escaped) spans into the line. A tag without <c>=</c> is ignored; a repeated tag keeps its last value.
/// </summary>
internal ref struct TwitchTags
{
    private ReadOnlySpan<char> _id;
    private ReadOnlySpan<char> _messageId;

    public ReadOnlySpan<char> Badges { get; private set; }

    public ReadOnlySpan<char> Bits { get; private set; }

    public ReadOnlySpan<char> DisplayName { get; private set; }

    /// <summary>The <c>id</c> tag, or <c>message-id</c> where <c>id</c> is absent or empty.</summary>
    public readonly ReadOnlySpan<char> Id => _id.IsEmpty ? _messageId : _id;

    public ReadOnlySpan<char> UserId { get; private set; }

    public ReadOnlySpan<char> Login { get; private set; }

    public ReadOnlySpan<char> SentTs { get; private set; }

    public ReadOnlySpan<char> ReplyParentMsgId { get; private set; }

    public ReadOnlySpan<char> FirstMsg { get; private set; }

    public ReadOnlySpan<char> MsgId { get; private set; }

    public ReadOnlySpan<char> SourceId { get; private set; }

    public ReadOnlySpan<char> Mod { get; private set; }

    public ReadOnlySpan<char> Vip { get; private set; }

    public ReadOnlySpan<char> Subscriber { get; private set; }

    public ReadOnlySpan<char> UserType { get; private set; }

    public ReadOnlySpan<char> BanDuration { get; private set; }

    public bool HasBanDuration { get; private set; }

    public ReadOnlySpan<char> TargetUserId { get; private set; }

    public ReadOnlySpan<char> TargetMsgId { get; private set; }

    public ReadOnlySpan<char> SystemMsg { get; private set; }

    /// <summary>Reads a raw tag section (<c>k=v;k2=v2</c>, without the leading <c>@</c>).</summary>
    public static TwitchTags Read(ReadOnlySpan<char> section)
    {
        var tags = default(TwitchTags);
        while (!section.IsEmpty)
        {
            var semicolon = section.IndexOf(';');
            var pair = semicolon < 0 ? section : section[..semicolon];
            section = semicolon < 0 ? [] : section[(semicolon + 1)..];
            var equals = pair.IndexOf('=');
            if (equals >= 0)
            {
                tags.Keep(pair[..equals], pair[(equals + 1)..]);
            }
        }

        return tags;
    }

    private void Keep(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        switch (key)
        {
            case "badges": Badges = value; break;
            case "bits": Bits = value; break;
            case "display-name": DisplayName = value; break;
            case "id": _id = value; break;
            case "message-id": _messageId = value; break;
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
