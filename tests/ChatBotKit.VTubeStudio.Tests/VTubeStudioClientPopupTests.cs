using ChatBotKit.VTubeStudio.Tests.Server;

namespace ChatBotKit.VTubeStudio.Tests;

/// <summary>Error 51 (an approval popup is already open) on a clock the test moves.</summary>
public sealed class VTubeStudioClientPopupTests : VTubeStudioTestBase
{
    private readonly SignallingClock _clock = new();

    protected override TimeProvider Clock => _clock;

    [Fact]
    public async Task Start_PopupAlreadyOpen_WaitsItOutBeforeAskingAgain()
    {
        Vts.AnswerNext("AuthenticationTokenRequest", _ => FakeVTubeStudio.Error(51, "A token request is already ongoing."));
        var client = NewClient(time: _clock);
        await client.StartAsync();

        await Vts.WaitForAsync("AuthenticationTokenRequest");
        await _clock.WaitForTimerAsync(Options.OpenPopupWait);
        RequestTypes().Should().Equal("AuthenticationTokenRequest");

        _clock.Advance(Options.OpenPopupWait);
        await Vts.WaitForAsync("AuthenticationTokenRequest", 2);
        await Vts.WaitForAsync("AuthenticationRequest");

        RequestTypes().Should().Equal("AuthenticationTokenRequest", "AuthenticationTokenRequest", "AuthenticationRequest");
        Vts.ConnectionCount.Should().Be(1, "the popup is waited out on the same connection");
    }
}
