using System.Text.Json.Nodes;
using ChatBotKit.Testing;
using ChatBotKit.VTubeStudio.Tests.Server;

namespace ChatBotKit.Cli.Tests;

/// <summary>
/// <c>streambot chat scripts/examples/vtuber.csx</c> as a real process against the fake VTube Studio:
/// with no platform configured it chats on the console, gets the plugin approved once, and a viewer's
/// <c>!expression happy</c> becomes the <c>ExpressionActivationRequest</c> for the model's happy file.
/// </summary>
public sealed class VTuberProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly string _root = Directory.CreateTempSubdirectory("vtuber-process-").FullName;
    private readonly FakeVTubeStudio _vts = new();

    [Fact]
    public async Task ChatVTuberExample_ViewerAsksForHappy_ActivatesTheHappyExpression()
    {
        _vts.Expressions = [new JsonObject { ["name"] = "happy", ["file"] = "Happy Face.exp3.json", ["active"] = false }];
        var environment = new Dictionary<string, string>
        {
            ["VTS_ENDPOINT"] = _vts.Endpoint.ToString(),
            ["XDG_CONFIG_HOME"] = Path.Combine(_root, "config"),
            ["STREAMBOT_COMPILE_CACHE"] = "off",
        };
        using var process = ChildProcess.StartDotnet(_root, environment, Path.Combine(AppContext.BaseDirectory, "streambot.dll"), "chat", Path.Combine(AppContext.BaseDirectory, "scripts", "examples", "vtuber.csx"), "--no-watch");

        await _vts.WaitForAsync("AuthenticationRequest").WaitAsync(Patience);
        await process.WriteLineAsync("alice: !expression happy");

        var sent = await _vts.WaitForAsync("ExpressionActivationRequest").WaitAsync(Patience);
        sent.Data["expressionFile"]!.GetValue<string>().Should().Be("Happy Face.exp3.json", process.Output);
        sent.Data["active"]!.GetValue<bool>().Should().BeTrue();
        _vts.Requests.Select(r => r.MessageType).Should().StartWith(["AuthenticationTokenRequest", "AuthenticationRequest"]);
        File.ReadAllText(Path.Combine(_root, "config", "streambot", "vtubestudio-tokens.json")).Should().Contain(_vts.ValidToken);
        process.Output.Should().NotContain(_vts.ValidToken, "the token never reaches a log");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _vts.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
