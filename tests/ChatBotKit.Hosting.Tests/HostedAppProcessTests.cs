using ChatBotKit.AI.Tests.Server;
using ChatBotKit.Testing;

namespace ChatBotKit.Hosting.Tests;

/// <summary>Runs the sample app (samples/HostedBot, the app docs/hosting.md shows) as a process and signals it with <c>kill</c>.</summary>
public sealed class HostedAppProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbotkit-hosted-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string ConfigPath => Path.Combine(_folder, "bot.yaml");

    // The sample reads bot.yaml from its working directory; replies come without rate limits in the way.
    private void WriteConfig(string welcome, string more = "") =>
        File.WriteAllText(ConfigPath, $"Bot:\n  Welcome: {welcome}\n  MinimumGap: 00:00:00\n  RepliesPerMinute: 60\n{more}");

    private ChildProcess StartApp(params string[] more) =>
        ChildProcess.StartDotnet(_folder, [Path.Combine(AppContext.BaseDirectory, "HostedBot.dll"), "--urls", $"http://127.0.0.1:{LoopbackPort.GetFree()}", .. more]);

    [Fact]
    public async Task HostedApp_Hangup_ReloadsBotYamlAndRebuildsTheBotThenTermExitsZero()
    {
        WriteConfig("first welcome");
        using var app = StartApp();
        await app.WaitForAsync("Source console connected");
        await app.WaitForAsync("SIGHUP reloads the configuration");
        await app.WriteLineAsync("alice: !welcome");
        await app.WaitForAsync("kit: first welcome");

        WriteConfig("second welcome", "ChatBotKit:\n  ShutdownTimeout: forever\n");
        await app.SignalAsync("HUP");
        await app.WaitForAsync("keep their previous definitions");
        await app.WriteLineAsync("bob: !welcome");                  // the old bot answers (its repeat is dropped as a duplicate)
        await app.WriteLineAsync("bob: !dice");
        await app.WaitForAsync("kit: 🎲");
        WriteConfig("third welcome");
        await app.SignalAsync("HUP");
        await app.WaitForAsync("rebuilt bot(s): default");
        await app.WriteLineAsync("carol: !welcome");
        await app.WaitForAsync("kit: third welcome");
        await app.SignalAsync("TERM");
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.Should().Be(0, because: app.Output);
        app.Output.Should().Contain($"ChatBotKit:ShutdownTimeout ({ConfigPath}(6)): 'forever' is not valid").And.NotContain("second welcome");
    }

    [Fact]
    public async Task HostedApp_TermWhileTheLlmAnswers_TheReplyFinishesIsSentAndTheAppExitsZero()
    {
        await using var llm = await FakeOpenAIServer.StartAsync();
        llm.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        llm.Reply = "Drained reply, sent after SIGTERM.";
        llm.StreamTokens = ["Drained reply,", " sent after", " SIGTERM."];
        WriteConfig("hi", $"Llm:\n  BaseUrl: {llm.BaseUrl}\n  Model: llama3.2\n");
        using var app = StartApp();
        await app.WaitForAsync("Source console connected");
        await app.WriteLineAsync("alice: @kit what are we playing?");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!llm.Requests.Any(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, because: app.Output);
            await Task.Delay(50);
        }

        await app.SignalAsync("TERM");
        await app.WaitForAsync("Application is shutting down");
        llm.Hold.TrySetResult();
        await app.WaitForAsync("kit: Drained reply, sent after SIGTERM.");
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.Should().Be(0, because: app.Output);
    }
}
