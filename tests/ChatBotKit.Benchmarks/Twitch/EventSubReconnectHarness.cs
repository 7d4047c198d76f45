using System.Diagnostics;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Twitch;
using ChatBotKit.Twitch.Tests.EventSub;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Benchmarks.Twitch;

/// <summary>
/// <c>session_reconnect</c> on the fake Twitch API, over and over: the clock starts when the old
/// session sends it, the new session's welcome goes out as soon as the client connects, the new
/// session then sends a chat message, and the clock stops when that message comes out of the
/// source. Each round also checks that what the old session sent after the reconnect message
/// arrives, and that each message arrives once.
/// </summary>
internal static class EventSubReconnectHarness
{
    private const string TokenVariable = "CBK_BENCH_TWITCH_TOKEN";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(int rounds)
    {
        await using var api = new FakeTwitchApi();
        api.AddToken("bench-token");
        Environment.SetEnvironmentVariable(TokenVariable, "bench-token");
        var options = new TwitchOptions { Transport = TwitchTransport.EventSub, TokenVariable = TokenVariable, Endpoints = api.Endpoints };
        await using var source = new TwitchEventSubSource(options, new ChatSourceContext { Channels = ["streamer"] });
        await source.ConnectAsync();
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();
        var session = await api.NextClientAsync(Patience);
        var resumed = new double[rounds];
        for (var round = -10; round < rounds; round++)
        {
            var reconnect = EventSubTestData.Frame("eventsub_ws_session_reconnect.json");
            reconnect["metadata"]!["message_id"] = Guid.NewGuid().ToString();
            reconnect["payload"]!["session"]!["reconnect_url"] = $"{api.Endpoints.EventSub}?from={session.SessionId}";
            var start = Stopwatch.GetTimestamp();
            await session.SendAsync(reconnect.ToJsonString());
            await session.SendAsync(EventSubTestData.ChatMessage($"old {round}").ToJsonString());
            var next = await api.NextClientAsync(Patience);
            next.ReleaseWelcome();
            await next.Welcomed.WaitAsync(Patience);
            await next.SendAsync(EventSubTestData.ChatMessage($"new {round}").ToJsonString());
            var elapsed = await ReadBothAsync(events, $"old {round}", $"new {round}", start);
            await session.Closed.WaitAsync(Patience);
            if (round >= 0)
            {
                resumed[round] = elapsed.TotalMilliseconds;
            }

            session = next;
        }

        Array.Sort(resumed);
        var at = (double p) => resumed[(int)Math.Min(resumed.Length - 1, resumed.Length * p / 100)];
        Console.WriteLine($"session_reconnect sent -> first event of the new session read from the source, {rounds} rounds after 10 warm-up (ms): p50 {at(50):F2} p90 {at(90):F2} p99 {at(99):F2} max {resumed[^1]:F2}");
        Console.WriteLine($"sessions opened {api.Sessions}, subscriptions created {api.Subscriptions.Count} (all on the first session), state {source.State}");
    }

    // The next two chat messages must be these two, each once (the two sockets may interleave); the time is when the new session's arrived.
    private static async Task<TimeSpan> ReadBothAsync(IAsyncEnumerator<ChatEvent> events, string fromOld, string fromNew, long start)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal) { fromOld, fromNew };
        var elapsed = TimeSpan.Zero;
        while (expected.Count > 0 && await events.MoveNextAsync().AsTask().WaitAsync(Patience))
        {
            if (events.Current is not MessageReceived message)
            {
                continue;
            }

            if (!expected.Remove(message.Text))
            {
                throw new InvalidOperationException($"Expected {string.Join(" and ", expected)}, read '{message.Text}'.");
            }

            if (message.Text == fromNew)
            {
                elapsed = Stopwatch.GetElapsedTime(start);
            }
        }

        return expected.Count == 0 ? elapsed : throw new InvalidOperationException("The source ended during a reconnect.");
    }
}
