namespace ChatBotKit.Events;

/// <summary>A chat user as a platform describes them.</summary>
/// <param name="Id">The platform's stable user id (falls back to the login where the platform has none).</param>
/// <param name="Login">The lower-case account name used in mentions.</param>
/// <param name="DisplayName">The name shown in chat.</param>
/// <param name="Roles">The user's roles in the channel the event came from.</param>
public sealed record ChatUser(string Id, string Login, string DisplayName, ChatRoles Roles = ChatRoles.None)
{
    /// <summary>Creates a user whose id, login and display name are all <paramref name="name"/>.</summary>
    public static ChatUser Named(string name, ChatRoles roles = ChatRoles.None) => new(name, name.ToLowerInvariant(), name, roles);

    /// <summary>Whether the user holds any of <paramref name="roles"/>.</summary>
    public bool HasAny(ChatRoles roles) => (Roles & roles) != 0;

    /// <summary>Whether the user moderates the channel (moderator or broadcaster).</summary>
    public bool IsModerator => HasAny(ChatRoles.Moderator | ChatRoles.Broadcaster);
}
