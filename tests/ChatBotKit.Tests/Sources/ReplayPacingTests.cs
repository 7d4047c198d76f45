using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Time;
using static ChatBotKit.Tests.Sources.ReplayLog;

namespace ChatBotKit.Tests.Sources;

public sealed class ReplayPacingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly VirtualClock _pace = new();

    [Fact]
    public async Task ReadEventsAsync_Paced_HandsOutEachLineOnlyOnceItsOffsetHasPassed()
    {
        await using var source = Paced(Join(Line(0, "bob", "first"), Line(5, "eve", "second"), Line(5, "ann", "third")));
        await using var events = source.ReadEventsAsync().GetAsyncEnumerator();

        (await NextAsync(events)).Text.Should().Be("first", because: "the first line sets the origin");
        var second = events.MoveNextAsync().AsTask();
        _pace.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(50);
        second.IsCompleted.Should().BeFalse(because: "the second line is 5 s after the first");

        _pace.Advance(TimeSpan.FromSeconds(0.1));
        (await second.WaitAsync(Patience)).Should().BeTrue();
        ((MessageReceived)events.Current).Text.Should().Be("second");
        (await NextAsync(events)).Text.Should().Be("third", because: "a line at the same offset is not held back");
    }

    [Fact]
    public async Task ReadEventsAsync_PacedAndCancelled_StopsWaiting()
    {
        await using var source = Paced(Join(Line(0, "bob", "first"), Line(3600, "eve", "an hour later")));
        using var cancel = new CancellationTokenSource();
        await using var events = source.ReadEventsAsync(cancel.Token).GetAsyncEnumerator();
        await NextAsync(events);

        var waiting = events.MoveNextAsync().AsTask();
        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => waiting.WaitAsync(Patience)).Should().ThrowAsync<OperationCanceledException>();
    }

    private ReplayChatSource Paced(string log)
    {
        var source = new ReplayChatSource(new StringReader(log), new ReplayChatSourceOptions { Pace = _pace, Transcript = TextWriter.Null });
        source.ConnectAsync().AsTask().Wait(Patience);
        return source;
    }

    private static async Task<MessageReceived> NextAsync(IAsyncEnumerator<ChatEvent> events)
    {
        (await events.MoveNextAsync().AsTask().WaitAsync(Patience)).Should().BeTrue();
        return (MessageReceived)events.Current;
    }
}
