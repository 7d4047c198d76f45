using ChatBotKit.Policies;
using ChatBotKit.Time;

namespace ChatBotKit.Tests.Policies;

public sealed class DeadlineTests
{
    private readonly VirtualClock _clock = new();

    [Fact]
    public async Task RunAsync_CallIgnoresItsToken_FailsWithTimeoutWhenTheTimeIsUp()
    {
        var never = new TaskCompletionSource<string>();

        var call = Deadline.RunAsync(_ => never.Task, TimeSpan.FromSeconds(30), _clock, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(29));
        call.IsCompleted.Should().BeFalse();
        _clock.Advance(TimeSpan.FromSeconds(1));

        (await call.Invoking(c => c).Should().ThrowAsync<TimeoutException>()).Which.Message.Should().Contain("30 s");
    }

    [Fact]
    public async Task RunAsync_CallerCancels_IsCancellationNotTimeout()
    {
        using var caller = new CancellationTokenSource();
        var call = Deadline.RunAsync(token => Task.Delay(Timeout.Infinite, token).ContinueWith(_ => "late", TaskScheduler.Default), TimeSpan.FromSeconds(30), _clock, caller.Token);

        await caller.CancelAsync();

        await call.Invoking(c => c).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task RunAsync_FastCall_ReturnsItsResult() =>
        (await Deadline.RunAsync(_ => Task.FromResult("done"), TimeSpan.FromSeconds(1), _clock, CancellationToken.None)).Should().Be("done");
}
