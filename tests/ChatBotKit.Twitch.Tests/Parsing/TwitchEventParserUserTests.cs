using ChatBotKit.Events;
using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.Tests.Parsing;

/// <summary>The <see cref="ChatUser"/> each line gives, when the same chatter comes back changed.</summary>
public class TwitchEventParserUserTests
{
    private readonly TwitchEventParser _parser = new();

    [Fact]
    public void Parse_SameChatterWithOtherRoles_GivesEachLineItsRoles()
    {
        // A moderator in one channel and not in the next.
        var moderator = User("badges=moderator/1;display-name=Alice;user-id=42", "a");
        var viewer = User("badges=;display-name=Alice;user-id=42", "b");
        var again = User("badges=moderator/1;display-name=Alice;user-id=42", "a");

        moderator.Should().Be(new ChatUser("42", "alice", "Alice", ChatRoles.Moderator));
        viewer.Should().Be(new ChatUser("42", "alice", "Alice", ChatRoles.None));
        again.Should().Be(moderator);
    }

    [Fact]
    public void Parse_NewDisplayName_GivesTheNewName()
    {
        User("display-name=Alice;user-id=42", "a");

        User("display-name=ALICE;user-id=42", "a").Should().Be(new ChatUser("42", "alice", "ALICE"));
    }

    [Fact]
    public void Parse_EscapedDisplayName_IsUnescaped() =>
        User("display-name=Alice\\sB;user-id=42", "a").DisplayName.Should().Be("Alice B");

    [Theory]
    [InlineData("display-name=Bob", "alice")]
    [InlineData("display-name=Bob;user-id=", "alice")]
    [InlineData("display-name=Bob;user-id=007", "007")]
    [InlineData("display-name=Bob;user-id=not-a-number", "not-a-number")]
    public void Parse_AnyUserId_IsKeptAndAMissingOneIsTheLogin(string tags, string expectedId) =>
        User(tags, "a").Should().Be(new ChatUser(expectedId, "alice", "Bob"));

    private ChatUser User(string tags, string text) =>
        _parser.Parse($"@{tags} :alice!alice@alice.tmi.twitch.tv PRIVMSG #chan :{text}").Should().BeOfType<MessageReceived>().Subject.User;
}
