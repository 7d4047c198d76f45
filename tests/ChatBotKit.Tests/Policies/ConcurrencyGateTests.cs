using ChatBotKit.Policies;
using ChatBotKit.Time;

namespace ChatBotKit.Tests.Policies;

public sealed class ConcurrencyGateTests
{
    private readonly VirtualClock _clock = new();

    [Fact]
    public async Task TryEnterAsync_FullGateNoWait_ReturnsFalseAtOnce()
    {
        using var gate = new ConcurrencyGate(1);
        (await gate.TryEnterAsync(TimeSpan.Zero, _clock, CancellationToken.None)).Should().BeTrue();

        (await gate.TryEnterAsync(TimeSpan.Zero, _clock, CancellationToken.None)).Should().BeFalse();
        gate.Active.Should().Be(1);
    }

    [Fact]
    public async Task TryEnterAsync_SlotFreedWithinTheWait_GetsIt()
    {
        using var gate = new ConcurrencyGate(1);
        await gate.EnterAsync(CancellationToken.None);

        var waiting = gate.TryEnterAsync(TimeSpan.FromSeconds(5), _clock, CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(4));
        gate.Release();

        (await waiting).Should().BeTrue();
    }

    [Fact]
    public async Task TryEnterAsync_NoSlotFreedWithinTheWait_ReturnsFalseOnTheClock()
    {
        using var gate = new ConcurrencyGate(1);
        await gate.EnterAsync(CancellationToken.None);

        var waiting = gate.TryEnterAsync(TimeSpan.FromSeconds(5), _clock, CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(4));
        waiting.IsCompleted.Should().BeFalse();
        _clock.Advance(TimeSpan.FromSeconds(1));

        (await waiting).Should().BeFalse();
    }

    [Fact]
    public async Task TryEnterAsync_CallerCancels_Throws()
    {
        using var gate = new ConcurrencyGate(1);
        await gate.EnterAsync(CancellationToken.None);
        using var caller = new CancellationTokenSource();

        var waiting = gate.TryEnterAsync(TimeSpan.FromSeconds(5), _clock, caller.Token).AsTask();
        await caller.CancelAsync();

        await waiting.Invoking(w => w).Should().ThrowAsync<OperationCanceledException>();
    }
}
