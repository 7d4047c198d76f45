using ChatBotKit.Events;

namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// Reuses the <see cref="ChatUser"/> of a user id while login, display name and roles stay the same,
/// so a regular chatter costs no allocation per message. Bounded; not thread-safe.
/// </summary>
internal sealed class UserCache
{
    private const int Capacity = 50_000;
    private readonly Dictionary<string, ChatUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChatUser>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly NameCache _logins = new(Capacity);

    public UserCache() => _lookup = _users.GetAlternateLookup<ReadOnlySpan<char>>();

    public ChatUser Get(ReadOnlySpan<char> id, ReadOnlySpan<char> login, ReadOnlySpan<char> rawDisplayName, ChatRoles roles)
    {
        if (login.IsEmpty)
        {
            login = rawDisplayName;
        }

        if (id.IsEmpty)
        {
            id = login;
        }

        if (_lookup.TryGetValue(id, out var cached) && cached.Roles == roles && login.SequenceEqual(cached.Login)
            && (rawDisplayName.IsEmpty ? cached.DisplayName == cached.Login : rawDisplayName.SequenceEqual(cached.DisplayName)))
        {
            return cached;
        }

        if (_users.Count >= Capacity)
        {
            _users.Clear();
        }

        var loginText = _logins.Get(login);
        var displayName = rawDisplayName.IsEmpty ? loginText : TagValue.Unescape(rawDisplayName);
        var user = new ChatUser(id.SequenceEqual(login) ? loginText : new string(id), loginText, displayName, roles);
        _lookup[id] = user;
        return user;
    }
}
