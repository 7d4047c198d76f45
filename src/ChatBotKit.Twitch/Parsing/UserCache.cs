using System.Numerics;
using System.Runtime.InteropServices;
using ChatBotKit.Events;

namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// Reuses the <see cref="ChatUser"/> of a user id and roles while login and display name stay the
/// same, so a regular chatter costs no allocation per message, also when the roles alternate (a
/// moderator in one channel and not in the next). A hit is judged from the entry alone (a hash of
/// login, display name and roles), without touching the cached user's strings. Numeric ids
/// (Twitch's) live in an id-keyed table, other ids (logins) in a dictionary. Bounded; not thread-safe.
/// </summary>
internal sealed class UserCache
{
    private const int Capacity = 50_000;
    private const int RoleBits = 6;
    private const long MaxNumber = 1L << (63 - RoleBits);
    private readonly UserIdTable _numbered = new(Capacity);
    private readonly Dictionary<string, Entry> _named = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public UserCache() => _lookup = _named.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The cached user of a chatter; <see cref="Locate"/> and <see cref="Get(in Chatter)"/> in one step.</summary>
    public ChatUser Get(ReadOnlySpan<char> id, ReadOnlySpan<char> login, ReadOnlySpan<char> rawDisplayName, ChatRoles roles) =>
        Get(Locate(id, login, rawDisplayName, roles));

    /// <summary>
    /// Finds where a chatter's entry lives (a missing login is the display name, a missing id the
    /// login) and asks the processor to fetch it while the caller does other work: with tens of
    /// thousands of chatters the table does not stay in cache, and the lookup would wait for memory.
    /// </summary>
    public Chatter Locate(ReadOnlySpan<char> id, ReadOnlySpan<char> login, ReadOnlySpan<char> rawDisplayName, ChatRoles roles)
    {
        login = login.IsEmpty ? rawDisplayName : login;
        id = id.IsEmpty ? login : id;
        var key = KeyOf(id, roles);
        if (key is { } numbered)
        {
            _numbered.Prefetch(numbered);
        }

        return new Chatter(id, login, rawDisplayName, roles, key);
    }

    /// <summary>The cached user of <paramref name="chatter"/>, made anew when its names changed.</summary>
    public ChatUser Get(in Chatter chatter)
    {
        var id = chatter.Id;
        var login = chatter.Login;
        var rawDisplayName = chatter.RawDisplayName;
        var roles = chatter.Roles;
        var signature = TextHash.Of(login) ^ BitOperations.RotateLeft(TextHash.Of(rawDisplayName), 29) ^ (ulong)roles;
        ref var entry = ref chatter.Key is { } key ? ref _numbered.Find(key) : ref Named(id);
        var previous = entry.User;
        if (previous is not null && entry.Signature == signature)
        {
            return previous;
        }

        var loginText = Reuse(previous?.Login, login);
        var displayName = rawDisplayName.IsEmpty ? loginText : Reuse(previous?.DisplayName, rawDisplayName);
        var user = new ChatUser(id.SequenceEqual(login) ? loginText : previous?.Id ?? new string(id), loginText, displayName, roles);
        entry = new Entry(user, signature);
        return user;
    }

    // A numeric id (Twitch's) and the roles, packed into one key: the same chatter with other roles
    // (a moderator in one channel, not in the next) is another entry, not a miss.
    private static ulong? KeyOf(ReadOnlySpan<char> id, ChatRoles roles)
    {
        var number = id.Length > 1 && id[0] == '0' ? -1 : TagReader.ParseNumber(id);
        return number is >= 0 and < MaxNumber && (ulong)roles < 1 << RoleBits ? ((ulong)number << RoleBits) | (ulong)roles : null;
    }

    /// <summary>The unescaped <paramref name="raw"/>, as the previous user's string when that is the same text.</summary>
    private static string Reuse(string? previous, ReadOnlySpan<char> raw) =>
        previous is not null && raw.IndexOf('\\') < 0 && raw.SequenceEqual(previous) ? previous : TagValue.Unescape(raw);

    private ref Entry Named(ReadOnlySpan<char> id)
    {
        if (_named.Count >= Capacity && !_lookup.ContainsKey(id))
        {
            _named.Clear();
        }

        return ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, id, out _);
    }

    /// <summary>A chatter as a line names it (spans into the line), and its table key if its id is numeric.</summary>
    internal readonly ref struct Chatter(ReadOnlySpan<char> id, ReadOnlySpan<char> login, ReadOnlySpan<char> rawDisplayName, ChatRoles roles, ulong? key)
    {
        public ReadOnlySpan<char> Id { get; } = id;

        public ReadOnlySpan<char> Login { get; } = login;

        public ReadOnlySpan<char> RawDisplayName { get; } = rawDisplayName;

        public ChatRoles Roles { get; } = roles;

        public ulong? Key { get; } = key;
    }

    /// <summary>A cached user and what it was made from.</summary>
    internal readonly record struct Entry(ChatUser? User, ulong Signature);
}
