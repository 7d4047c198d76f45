using System.Diagnostics;
using ChatBotKit.Events;
using ChatBotKit.YouTube;
using ChatBotKit.YouTube.Tests.Parsing;
using ChatBotKit.YouTube.Tests.Servers;

namespace ChatBotKit.Benchmarks.YouTube;

/// <summary>
/// The delay keyless reading adds between a message appearing on the fake YouTube and its
/// <see cref="ChatEvent"/>, on the real clock. The fake asks for a 1 s wait (<c>timeoutMs</c> 1000,
/// the shortest the source follows); messages appear at random moments of the poll cycle, so the
/// worst delay is one whole wait plus what the client adds: HTTP, parsing and handing the event on.
/// </summary>
internal static class PollDelayHarness
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(int messages)
    {
        await using var server = await FakeYouTube.StartAsync();
        using var http = new HttpClient();
        await using var source = new YouTubeChatSource(FakeYouTube.VideoId, new YouTubeOptions { Endpoint = server.Endpoint }, http);
        await source.ConnectAsync();
        var appeared = new long[messages];
        var received = new long[messages];
        var reading = ReadAsync(source, received);

        var random = new Random(16);
        for (var n = 0; n < messages; n++)
        {
            // 1.1 to 2.1 s apart: each message lands at a random point of a different cycle.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1100, 2100)));
            appeared[n] = Stopwatch.GetTimestamp();
            server.Answer(LiveChatJson.Page($"c{n}", (int)Wait.TotalMilliseconds, LiveChatJson.TextItem($"m{n}", "viewer", $"hello {n}")));
        }

        await reading;

        // The poll that carried a message is the first to arrive after it appeared.
        var polls = server.Polls.Select(p => p.ArrivedAt).Order().ToArray();
        var carriers = appeared.Select(at => polls.First(p => p >= at)).ToArray();
        Report($"message appeared -> ChatEvent, {messages} messages, poll wait {Wait.TotalMilliseconds:F0} ms", appeared, received);
        Report("the poll that carried it reached the fake -> ChatEvent (what the client adds once it has asked)", carriers, received);
        var cycles = polls.Zip(polls.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds - Wait.TotalMilliseconds).Order().ToArray();
        Console.WriteLine($"poll to poll minus the wait, {cycles.Length} cycles (ms): p50 {cycles[cycles.Length / 2]:F1}, p99 {cycles[(int)(cycles.Length * 0.99)]:F1}, max {cycles[^1]:F1}");
    }

    private static void Report(string what, long[] from, long[] to)
    {
        var delays = from.Zip(to, (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds).Order().ToArray();
        Console.WriteLine($"{what} (ms): p50 {delays[delays.Length / 2]:F1}, p90 {delays[(int)(delays.Length * 0.9)]:F1}, max {delays[^1]:F1}");
    }

    private static async Task ReadAsync(YouTubeChatSource source, long[] received)
    {
        var count = 0;
        await foreach (var chatEvent in source.ReadEventsAsync())
        {
            if (chatEvent is MessageReceived { Id: ['m', .. var number] } && int.TryParse(number, out var n))
            {
                received[n] = Stopwatch.GetTimestamp();
                if (++count == received.Length)
                {
                    return;
                }
            }
        }
    }
}
