using ChatBotKit.Events;

namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// Reuses the <see cref="ChatUser"/> of a user id while login, display name and roles stay the same,
/// so a regular chatter costs no allocation per message. A hit is judged from the entry alone (roles
/// and a hash of login and display name), without touching the cached user's strings. Bounded; not
/// thread-safe.
/// </summary>
internal sealed class UserCache
{
    private const int Capacity = 50_000;
    private readonly Dictionary<string, Entry> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
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

        var names = HashCode.Combine(string.GetHashCode(login), string.GetHashCode(rawDisplayName));
        if (_lookup.TryGetValue(id, out var cached) && cached.Roles == roles && cached.Names == names)
        {
            return cached.User;
        }

        if (_users.Count >= Capacity)
        {
            _users.Clear();
        }

        var loginText = _logins.Get(login);
        var displayName = rawDisplayName.IsEmpty ? loginText : TagValue.Unescape(rawDisplayName);
        var user = new ChatUser(id.SequenceEqual(login) ? loginText : cached.User?.Id ?? new string(id), loginText, displayName, roles);
        _lookup[id] = new Entry(user, roles, names);
        return user;
    }

    private readonly record struct Entry(ChatUser User, ChatRoles Roles, int Names);
}
