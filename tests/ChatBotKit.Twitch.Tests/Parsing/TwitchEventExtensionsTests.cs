using ChatBotKit.Events;
using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.Tests.Parsing;

public class TwitchEventExtensionsTests
{
    [Fact]
    public void GetTwitchTag_TagTheEventDoesNotMap_IsReadUnescaped()
    {
        var evt = new TwitchEventParser().Parse("@color=#FF0000;msg-param-x=a\\sb;id=1 :u!u@u.tmi.twitch.tv PRIVMSG #c :hi")!;

        evt.GetTwitchTag("color").Should().Be("#FF0000");
        evt.GetTwitchTag("msg-param-x").Should().Be("a b");
        evt.GetTwitchTag("missing").Should().BeNull();
    }

    [Fact]
    public void GetTwitchTag_EventFromAnotherPlatform_IsNull()
    {
        var evt = new MessageReceived
        {
            Platform = ChatPlatform.YouTube,
            Channel = "c",
            Timestamp = DateTimeOffset.UnixEpoch,
            RawRepresentation = "@color=#FF0000 :u!u@u PRIVMSG #c :hi",
            User = new ChatUser("u", "u", "u"),
            Text = "hi",
        };

        evt.GetTwitchTag("color").Should().BeNull();
    }
}
