using ChatBotKit.Events;
using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.Tests.Parsing;

public class UserCacheTests
{
    [Fact]
    public void Get_SameChatterAgain_ReturnsTheSameUser()
    {
        var cache = new UserCache();

        var first = cache.Get("42", "alice", "Alice", ChatRoles.Subscriber);
        var again = cache.Get("42", "alice", "Alice", ChatRoles.Subscriber);

        again.Should().BeSameAs(first);
        first.Should().Be(new ChatUser("42", "alice", "Alice", ChatRoles.Subscriber));
    }

    [Fact]
    public void Get_RolesThatAlternate_KeepsOneUserPerRoles()
    {
        // A moderator in one channel and not in the next: neither message allocates after the first two.
        var cache = new UserCache();

        var moderator = cache.Get("42", "alice", "Alice", ChatRoles.Moderator);
        var viewer = cache.Get("42", "alice", "Alice", ChatRoles.None);

        cache.Get("42", "alice", "Alice", ChatRoles.Moderator).Should().BeSameAs(moderator);
        cache.Get("42", "alice", "Alice", ChatRoles.None).Should().BeSameAs(viewer);
        moderator.Roles.Should().Be(ChatRoles.Moderator);
        viewer.Roles.Should().Be(ChatRoles.None);
    }

    [Fact]
    public void Get_NewDisplayName_GivesANewUserThatKeepsTheLogin()
    {
        var cache = new UserCache();
        var before = cache.Get("42", "alice", "Alice", ChatRoles.None);

        var after = cache.Get("42", "alice", "ALICE", ChatRoles.None);

        after.DisplayName.Should().Be("ALICE");
        after.Login.Should().BeSameAs(before.Login);
        cache.Get("42", "alice", "ALICE", ChatRoles.None).Should().BeSameAs(after);
    }

    [Fact]
    public void Get_EscapedDisplayName_IsUnescaped() =>
        new UserCache().Get("42", "alice", "Alice\\sB", ChatRoles.None).DisplayName.Should().Be("Alice B");

    [Theory]
    [InlineData("")]
    [InlineData("007")]
    [InlineData("not-a-number")]
    [InlineData("999999999999999999")]
    public void Get_IdsThatAreNoTableKey_AreCachedByText(string id)
    {
        var cache = new UserCache();

        var first = cache.Get(id, "bob", "Bob", ChatRoles.Vip);

        cache.Get(id, "bob", "Bob", ChatRoles.Vip).Should().BeSameAs(first);
        first.Id.Should().Be(id.Length == 0 ? "bob" : id);
        first.Roles.Should().Be(ChatRoles.Vip);
    }
}
