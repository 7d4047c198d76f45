using ChatBotKit.Sources;
using ChatBotKit.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Hosting.Tests;

public sealed class LogPrivacyTests
{
    private sealed record TokenSettings(string TokenVariable);

    [Fact]
    public async Task AppHost_AtInformation_LogsNeitherTheTokenNorMessageText()
    {
        const string Token = "oauth:planted-secret-7f3a9c";
        const string Text = "planted viewer words zebra-4471";
        Environment.SetEnvironmentVariable("CHATBOTKIT_TEST_TOKEN", Token);
        var logs = new ListLoggerProvider(LogLevel.Information);
        var source = new FakeChatSource();
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Information).AddProvider(logs);
        builder.Services.AddChatBot(bot => bot.WithName("kit").WithRateLimits(ChatBotKit.RateLimiting.RateLimitPolicy.Unlimited).OnMention().OnCommand("echo", ctx => "heard you")
            .UseChatClient(new FakeChatClient((_, _) => throw new InvalidOperationException("backend down")))
            .AddSource(new ChatSourceRegistration("fake", new TokenSettings("CHATBOTKIT_TEST_TOKEN"), _ => source) { Channels = ["c"] }));
        using var host = builder.Build();

        await host.StartAsync();
        source.Push(Message("alice", $"!echo {Text}"));
        source.Push(Message("bob", $"@kit {Text}"));
        await source.WaitForSentAsync(1, TimeSpan.FromSeconds(30));
        await host.Services.GetRequiredService<RunningChatBots>().All[0].Engine.WhenIdleAsync();
        await host.StopAsync();
        Environment.SetEnvironmentVariable("CHATBOTKIT_TEST_TOKEN", null);

        logs.Lines.Should().NotBeEmpty("start-up and the LLM failure are logged");
        logs.Lines.Should().Contain(l => l.Text.Contains("LLM call", StringComparison.Ordinal), "the LLM failure is logged as a warning");
        logs.Lines.Should().NotContain(l => l.Text.Contains(Token, StringComparison.Ordinal) || l.Text.Contains("planted-secret", StringComparison.Ordinal));
        logs.Lines.Should().NotContain(l => l.Text.Contains("zebra-4471", StringComparison.Ordinal) || l.Text.Contains("alice", StringComparison.Ordinal));
    }
}
