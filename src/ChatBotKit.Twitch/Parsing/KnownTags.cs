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

    public static KnownTags Read(ReadOnlySpan<char> tags)
    {
        var known = default(KnownTags);
        var i = 0;
        while (i < tags.Length)
        {
            // Keys are short: a plain loop beats a vectorized search; values may be long.
            var keyStart = i;
            while (i < tags.Length && tags[i] != '=' && tags[i] != ';')
            {
                i++;
            }

            if (i >= tags.Length || tags[i] == ';')
            {
                i++;
                continue;
            }

            var key = tags[keyStart..i];
            var valueStart = ++i;
            var semicolon = tags[valueStart..].IndexOf(';');
            i = semicolon < 0 ? tags.Length : valueStart + semicolon;
            var value = tags[valueStart..i];
            i++;
            switch (key)
            {
                case "badges": known.Badges = value; break;
                case "bits": known.Bits = value; break;
                case "display-name": known.DisplayName = value; break;
                case "id": known.Id = value; break;
                case "message-id": known.Id = known.Id.IsEmpty ? value : known.Id; break;
                case "user-id": known.UserId = value; break;
                case "login": known.Login = value; break;
                case "tmi-sent-ts": known.SentTs = value; break;
                case "reply-parent-msg-id": known.ReplyParentMsgId = value; break;
                case "first-msg": known.FirstMsg = value; break;
                case "msg-id": known.MsgId = value; break;
                case "source-id": known.SourceId = value; break;
                case "mod": known.Mod = value; break;
                case "vip": known.Vip = value; break;
                case "subscriber": known.Subscriber = value; break;
                case "user-type": known.UserType = value; break;
                case "ban-duration": known.BanDuration = value; known.HasBanDuration = true; break;
                case "target-user-id": known.TargetUserId = value; break;
                case "target-msg-id": known.TargetMsgId = value; break;
                case "system-msg": known.SystemMsg = value; break;
                default: break;
            }
        }

        return known;
    }
}
