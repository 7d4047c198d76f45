using ChatBotKit.Events;
using ChatBotKit.Sources;

namespace ChatBotKit.Tests.Sources;

public sealed class ChatLogLineTests
{
    [Theory]
    [InlineData("2026-01-01T20:00:00Z", "2026-01-01T20:00:00.0000000+00:00")]
    [InlineData("2026-01-01T20:00:00.25Z", "2026-01-01T20:00:00.2500000+00:00")]
    [InlineData("2026-01-01T21:30:00+01:30", "2026-01-01T21:30:00.0000000+01:30")]
    [InlineData("2026-01-01T20:00:00", "2026-01-01T20:00:00.0000000+00:00")]
    [InlineData("2026-01-01T20:00Z", "2026-01-01T20:00:00.0000000+00:00")]
    public void TryParse_IsoTimestamp_ParsesWithoutOffsetAsUtc(string ts, string expected)
    {
        ChatLogLine.TryParse($$"""{"ts":"{{ts}}","user":"a","text":"t"}""", out var entry, out var error).Should().BeTrue(error);

        entry!.Timestamp.ToString("o", System.Globalization.CultureInfo.InvariantCulture).Should().Be(expected);
    }

    [Fact]
    public void TryParse_UnknownFields_Ignored()
    {
        ChatLogLine.TryParse("""{"ts":"2026-01-01T20:00:00Z","user":"a","text":"t","color":"#ff0000","emotes":[1,2],"Text":"other"}""", out var entry, out _).Should().BeTrue();

        entry!.Text.Should().Be("t");
    }

    [Fact]
    public void ToMessage_LineWithoutPlatformOrChannel_UsesDefaultsAndKeepsRaw()
    {
        ChatLogLine.TryParse("""{"ts":"2026-01-01T20:00:00Z","user":"Bob","text":"t","roles":["vip"],"kind":"action"}""", out var entry, out _).Should().BeTrue();

        var message = entry!.ToMessage(ChatPlatform.CyTube, "lobby", rawRepresentation: "raw");

        message.Platform.Should().Be(ChatPlatform.CyTube);
        message.Channel.Should().Be("lobby");
        message.User.Should().Be(new ChatUser("Bob", "bob", "Bob", ChatRoles.Vip));
        message.MessageKind.Should().Be(MessageKind.Action);
        message.RawRepresentation.Should().Be("raw");
        entry.ToMessage(ChatPlatform.CyTube, "lobby").RawRepresentation.Should().BeSameAs(entry);
    }
}
