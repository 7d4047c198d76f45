using System.Text.Json.Nodes;
using ChatBotKit.Controls;

namespace ChatBotKit.VTubeStudio.Tests.Avatar;

/// <summary>The avatar's panel on the dashboard, against the fake VTube Studio.</summary>
public sealed class AvatarControlPanelTests : VTubeStudioTestBase
{
    [Fact]
    public async Task AddAvatarCommands_PanelButtons_ShowAnExpressionInVTubeStudioAndClearIt()
    {
        Vts.Expressions = [new JsonObject { ["name"] = "happy", ["file"] = "happy.exp3.json", ["active"] = false }];
        KeepValidToken();
        var avatar = Own(new VTubeStudioAvatar(Options, new VTubeStudioAvatarOptions
        {
            Emotions = new Dictionary<string, string> { ["joy"] = "happy" },
            Expressions = new Dictionary<string, AvatarExpression> { ["blush"] = AvatarExpression.FromHotkey("blush", "My first hotkey") },
        }));
        await avatar.StartAsync();
        var panel = new ChatBotBuilder("kit").AddAvatarCommands(avatar).ControlPanels.Should().ContainSingle().Subject;

        var before = panel.Describe();
        var shown = await panel.InvokeAsync("expression:happy");
        var sent = await Vts.WaitForAsync("ExpressionActivationRequest");
        var showing = panel.Describe();
        var cleared = await panel.InvokeAsync("clear");

        panel.Title.Should().Be("Avatar");
        before.Actions.Select(a => a.Label).Should().Equal("blush", "happy", "Clear expression");
        before.Lines.Should().Contain(new ControlPanelLine("Expression", "none"));
        shown.Should().Be("Showing happy.");
        sent.Data["expressionFile"]!.GetValue<string>().Should().Be("happy.exp3.json");
        showing.Lines.Should().Contain(new ControlPanelLine("Expression", "happy"));
        cleared.Should().Be("Cleared the expression.");
        avatar.Expressions.Current.Should().BeNull();
        (await panel.InvokeAsync("expression:smug")).Should().StartWith("There is no expression 'smug'.");
    }
}
