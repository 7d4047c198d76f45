using ChatBotKit.Sources;
using ChatBotKit.Tests.Sources;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Twitch.Tests.EventSub;

/// <summary>The shared source conformance suite, for the EventSub + Helix source against the fake Twitch API.</summary>
public sealed class TwitchEventSubSourceConformanceTests : ChatSourceConformanceTests<TwitchEventSubSource>
{
    private const string TokenVariable = "CBK_TWITCH_EVENTSUB_CONFORMANCE_TOKEN";
    private readonly FakeTwitchApi _api = new();

    public TwitchEventSubSourceConformanceTests()
    {
        Environment.SetEnvironmentVariable(TokenVariable, "conformance-token");
        _api.AddToken("conformance-token");
    }

    protected override string Channel => "streamer";

    protected override bool CanLoseConnection => true;

    protected override TwitchEventSubSource CreateSource() => new(
        new TwitchOptions
        {
            Transport = TwitchTransport.EventSub,
            TokenVariable = TokenVariable,
            Endpoints = _api.Endpoints,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
            Send = new TwitchSendLimits { ChannelGap = TimeSpan.Zero, MessagesPerWindow = 1000, ElevatedMessagesPerWindow = 1000 },
        },
        new ChatSourceContext { Channels = [Channel] });

    protected override Task PushMessageAsync(string user, string text) => _api.Current.SendAsync(EventSubTestData.ChatMessage(text, chatter: user).ToJsonString());

    protected override Task<string> ReadSentTextAsync() => _api.NextChatTextAsync(Patience);

    protected override Task DropConnectionAsync(TwitchEventSubSource source) => _api.Current.DropAsync();

    protected override Task DisposeServerAsync() => _api.DisposeAsync().AsTask();
}
