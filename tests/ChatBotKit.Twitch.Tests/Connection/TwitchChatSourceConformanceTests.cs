using ChatBotKit.Sources;
using ChatBotKit.Tests.Sources;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Twitch.Tests.Connection;

/// <summary>The shared source conformance suite, against the fake Twitch server over TCP.</summary>
public sealed class TwitchChatSourceConformanceTests : ChatSourceConformanceTests<TwitchChatSource>
{
    internal const string TokenVariable = "CBK_TWITCH_TEST_TOKEN";
    private readonly FakeTwitchServer _server = new() { SendRoomState = false, EnforceLimits = false };
    private int _ids;

    static TwitchChatSourceConformanceTests() => Environment.SetEnvironmentVariable(TokenVariable, "test-token");

    protected override string Channel => "conformance";

    protected override bool CanLoseConnection => true;

    internal static TwitchOptions OpenOptions(Uri server) => new()
    {
        Server = server,
        Nick = "kitbot",
        TokenVariable = TokenVariable,
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        Send = new TwitchSendLimits { ChannelGap = TimeSpan.Zero, MessagesPerWindow = 1000, ElevatedMessagesPerWindow = 1000 },
    };

    protected override TwitchChatSource CreateSource() =>
        new(OpenOptions(_server.Address), new ChatSourceContext { Channels = [Channel] });

    protected override Task PushMessageAsync(string user, string text) =>
        _server.PushAsync($"@badges=;display-name={user};id=m{Interlocked.Increment(ref _ids)};user-id=9{user.Length};tmi-sent-ts=1700000000000 :{user}!{user}@{user}.tmi.twitch.tv PRIVMSG #{Channel} :{text}");

    protected override async Task<string> ReadSentTextAsync() => (await _server.NextReceivedAsync(Patience)).Text;

    protected override Task DropConnectionAsync(TwitchChatSource source) => _server.DropConnectionsAsync();

    protected override Task DisposeServerAsync() => _server.DisposeAsync().AsTask();
}
