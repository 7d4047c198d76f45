using System.Text.Json;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Sources;

public sealed class ReplayTranscriptTests
{
    private readonly StringWriter _transcript = new() { NewLine = "\r\n" };

    [Fact]
    public async Task SendAsync_FullMessage_WritesExactJsonLine()
    {
        await SendAsync(new OutgoingMessage
        {
            Platform = ChatPlatform.Twitch,
            Channel = "c",
            Text = "hi \"alice\" \\ <b>&'é 😀",
            ReplyToId = "m1",
            Trigger = "mention",
            Timestamp = Start.AddSeconds(10),
        });

        _transcript.ToString().Should().Be(
            """{"ts":"2026-01-01T20:00:10Z","platform":"twitch","channel":"c","text":"hi \"alice\" \\ <b>&'é 😀","replyTo":"m1","trigger":"mention"}""" + "\n");
    }

    [Fact]
    public async Task SendAsync_NoReplyToTriggerOrPlatform_OmitsThemAndUsesSourcePlatform()
    {
        await SendAsync(new OutgoingMessage { Channel = "c", Text = "hello", Timestamp = Start });

        _transcript.ToString().Should().Be("""{"ts":"2026-01-01T20:00:00Z","platform":"replay","channel":"c","text":"hello"}""" + "\n");
    }

    [Fact]
    public async Task SendAsync_OffsetAndFraction_WritesUtcWithFraction()
    {
        var local = new DateTimeOffset(2026, 1, 1, 21, 0, 0, 500, TimeSpan.FromHours(1));

        await SendAsync(new OutgoingMessage { Channel = "c", Text = "x", Timestamp = local });

        Parse(_transcript.ToString()).GetProperty("ts").GetString().Should().Be("2026-01-01T20:00:00.5Z");
    }

    [Fact]
    public async Task SendAsync_PrivateMessage_AddsKindAndRecipient()
    {
        await SendAsync(new OutgoingMessage { Channel = "c", Text = "psst", Kind = MessageKind.Private, Recipient = ChatUser.Named("Alice"), Timestamp = Start });

        _transcript.ToString().Should().Be("""{"ts":"2026-01-01T20:00:00Z","platform":"replay","channel":"c","text":"psst","kind":"private","to":"alice"}""" + "\n");
    }

    [Fact]
    public async Task SendAsync_ControlCharactersAndLoneSurrogate_EscapedOrReplacedNeverThrows()
    {
        await SendAsync(new OutgoingMessage { Channel = "c", Text = "a\nb\t\u0001\u2028" + '\ud800' + "z", Timestamp = Start });

        var line = _transcript.ToString();
        line.Should().EndWith("\"text\":\"a\\nb\\t\\u0001\\u2028\uFFFDz\"}\n", "control characters are escaped and the lone surrogate becomes U+FFFD");
        line.Count(c => c == '\n').Should().Be(1, "one message is one line");
        Parse(line).GetProperty("text").GetString().Should().Be("a\nb\t\u0001\u2028\uFFFDz");
    }

    private async Task SendAsync(OutgoingMessage message)
    {
        await using var source = new ReplayChatSource(new StringReader(""), new ReplayChatSourceOptions { Transcript = _transcript });
        await source.ConnectAsync();
        await source.SendAsync(message);
    }

    private static JsonElement Parse(string line) => JsonDocument.Parse(line).RootElement;
}
