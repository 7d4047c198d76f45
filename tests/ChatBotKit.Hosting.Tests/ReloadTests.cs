using ChatBotKit.Sources;
using ChatBotKit.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Hosting.Tests;

public sealed class ReloadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbotkit-reload-").FullName;
    private readonly ListLoggerProvider _logs = new(LogLevel.Information);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed record FakeSettings(string Server);

    private string Yaml => Path.Combine(_folder, "bot.yaml");

    // The app under test: a bot whose dice reply and channels come from bot.yaml, read inside the AddChatBot delegate.
    private IHost Build(FakeChatSource source, List<IReadOnlyList<string>>? created = null)
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.Configuration.AddYamlFile(Yaml);
        builder.Logging.ClearProviders().AddProvider(_logs);
        var configuration = builder.Configuration;
        builder.Services.AddChatBot(bot =>
        {
            var reply = configuration["Dice:Reply"];
            bot.WithName(configuration["Bot:Name"] ?? "kit")
                .WithRateLimits(RateLimiting.RateLimitPolicy.Unlimited)
                .WithFilters(f => f with { DuplicateLookback = 0 })
                .OnCommand("dice", _ => reply)
                .AddSource(new ChatSourceRegistration("fake", new FakeSettings("local"), ctx =>
                {
                    created?.Add(ctx.Channels);
                    return source;
                })
                {
                    Channels = [.. configuration.GetSection("Bot:Channels").GetChildren().Select(c => c.Value!)],
                });
        });
        return builder.Build();
    }

    private static async Task<string> AskAsync(FakeChatSource source, string channel = "c")
    {
        var before = source.Sent.Count;
        source.Push(Message("alice", "!dice", id: $"m{before}") with { Channel = channel });
        var sent = await source.WaitForSentAsync(before + 1, TimeSpan.FromSeconds(30));
        return sent[before].Text;
    }

    // Starts the app on a bot.yaml whose dice reply is "one" and checks that it answers so.
    private async Task<(IHost Host, FakeChatSource Source)> StartAnsweringOneAsync()
    {
        File.WriteAllText(Yaml, "Dice:\n  Reply: one\nBot:\n  Channels: [c]\n");
        var source = new FakeChatSource();
        var host = Build(source);
        await host.StartAsync();
        (await AskAsync(source)).Should().Be("one");
        return (host, source);
    }

    // Writes bot.yaml, reloads, asks again; returns what the reload said, the reply and the bot's generation.
    private async Task<(ChatBotReloadResult Result, string Reply, int Generation)> ReloadAndAskAsync(IHost host, FakeChatSource source, string yaml)
    {
        File.WriteAllText(Yaml, yaml);
        var result = await host.Services.GetRequiredService<ChatBotReloader>().ReloadAsync();
        var reply = await AskAsync(source);
        var generation = host.Services.GetRequiredService<RunningChatBots>().Find("default")!.Engine.Generation;
        await host.StopAsync();
        return (result, reply, generation);
    }

    [Fact]
    public async Task ReloadAsync_ChangedConfiguration_RebuildsTheBotWithTheNewValues()
    {
        var (host, source) = await StartAnsweringOneAsync();
        using var _ = host;

        var (result, reply, generation) = await ReloadAndAskAsync(host, source, "Dice:\n  Reply: two\nBot:\n  Channels: [c]\n");

        result.Should().BeEquivalentTo(new { Succeeded = true, Problem = (string?)null, Rebuilt = new[] { "default" } });
        reply.Should().Be("two");
        generation.Should().Be(2);
        _logs.Lines.Should().Contain(l => l.Text.Contains("Reloaded the configuration; rebuilt bot(s): default", StringComparison.Ordinal));
        host.Services.GetRequiredService<Metrics.PrometheusExporter>().Scrape().Should().Contain("chatbotkit_reloads_total{outcome=\"succeeded\"} 1");
    }

    [Fact]
    public async Task ReloadAsync_InvalidConfiguration_KeepsTheRunningBotAndLogsTheKeyFileAndLine()
    {
        var (host, source) = await StartAnsweringOneAsync();
        using var _ = host;

        var (result, reply, generation) = await ReloadAndAskAsync(host, source, "Dice:\n  Reply: two\nBot:\n  Channels: [c]\nChatBotKit:\n  ShutdownTimeout: forever\n");

        var where = $"ChatBotKit:ShutdownTimeout ({Yaml}(6)): 'forever' is not valid";
        result.Succeeded.Should().BeFalse();
        result.Problem.Should().Contain(where);
        reply.Should().Be("one");
        generation.Should().Be(1);
        host.Services.GetRequiredService<Metrics.PrometheusExporter>().Scrape().Should().Contain("chatbotkit_reloads_total{outcome=\"rejected\"} 1");
        _logs.Lines.Should().Contain(l => l.Level == LogLevel.Error && l.Text.Contains("keep their previous definitions", StringComparison.Ordinal) && l.Text.Contains(where, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReloadAsync_MalformedYaml_KeepsTheBotAndTheLinesOfTheLastGoodFile()
    {
        var (host, source) = await StartAnsweringOneAsync();
        using var _ = host;
        var configuration = host.Services.GetRequiredService<IConfiguration>();

        var (result, reply, generation) = await ReloadAndAskAsync(host, source, "Dice:\n  Reply: [two\n");

        result.Succeeded.Should().BeFalse();
        result.Problem.Should().StartWith($"{Yaml}(").And.Contain("not valid YAML");
        reply.Should().Be("one");
        generation.Should().Be(1);
        Configuration.ChatBotConfiguration.FromFile(configuration, "Bot:Channels:0").Should().Be($"{Yaml}(4)");
    }

    [Fact]
    public async Task ReloadAsync_InvalidBotDescription_KeepsTheRunningBotAndNamesTheBotAndSetting()
    {
        var (host, source) = await StartAnsweringOneAsync();
        using var _ = host;

        var (result, reply, generation) = await ReloadAndAskAsync(host, source, "Dice:\n  Reply: two\nBot:\n  Name: two words\n  Channels: [c]\n");

        result.Succeeded.Should().BeFalse();
        result.Problem.Should().Contain("Bot 'default'").And.Contain("Name").And.Contain("must be one word");
        reply.Should().Be("one");
        generation.Should().Be(1);
    }

    [Fact]
    public async Task ReloadAsync_TwoBotsOneInvalid_SwapsNeither()
    {
        File.WriteAllText(Yaml, "One:\n  Reply: one\nTwo:\n  Name: two\n");
        var first = new FakeChatSource();
        var second = new FakeChatSource(new Events.ChatPlatform("other"));
        var builder = Host.CreateApplicationBuilder([]);
        builder.Configuration.AddYamlFile(Yaml);
        var configuration = builder.Configuration;
        builder.Services.AddChatBot("one", bot =>
        {
            var reply = configuration["One:Reply"];
            bot.WithName("one").WithRateLimits(RateLimiting.RateLimitPolicy.Unlimited).OnCommand("dice", _ => reply)
                .AddSource(new ChatSourceRegistration("fake", new FakeSettings("local"), _ => first) { Channels = ["c"] });
        });
        builder.Services.AddChatBot("two", bot => bot.WithName(configuration["Two:Name"] ?? "two")
            .AddSource(new ChatSourceRegistration("fake", new FakeSettings("local"), _ => second) { Channels = ["c"] }));
        using var host = builder.Build();
        await host.StartAsync();
        var reloader = host.Services.GetRequiredService<ChatBotReloader>();

        File.WriteAllText(Yaml, "One:\n  Reply: changed\nTwo:\n  Name: not one word\n");
        var refused = await reloader.ReloadAsync();
        var kept = await AskAsync(first);
        File.WriteAllText(Yaml, "One:\n  Reply: changed\nTwo:\n  Name: two\n");
        var accepted = await reloader.ReloadAsync();
        var changed = await AskAsync(first);
        await host.StopAsync();

        refused.Succeeded.Should().BeFalse();
        refused.Problem.Should().Contain("Bot 'two'").And.NotContain("Bot 'one'");
        kept.Should().Be("one");
        accepted.Rebuilt.Should().Equal("one", "two");
        changed.Should().Be("changed");
    }

    [Fact]
    public async Task ReloadAsync_ChannelsChanged_JoinsTheNewAndLeavesTheRemovedOnTheSameConnection()
    {
        File.WriteAllText(Yaml, "Dice:\n  Reply: one\nBot:\n  Channels: [a, b]\n");
        MembershipChatSource? source = null;
        var builder = Host.CreateApplicationBuilder([]);
        builder.Configuration.AddYamlFile(Yaml);
        var configuration = builder.Configuration;
        builder.Services.AddChatBot(bot => bot.WithName("kit").AddSource(new ChatSourceRegistration("fake", new FakeSettings("local"), ctx => source ??= new MembershipChatSource(ctx.Channels))
        {
            Channels = [.. configuration.GetSection("Bot:Channels").GetChildren().Select(c => c.Value!)],
        }));
        using var host = builder.Build();
        await host.StartAsync();
        var first = source;

        File.WriteAllText(Yaml, "Dice:\n  Reply: one\nBot:\n  Channels: [b, c]\n");
        var result = await host.Services.GetRequiredService<ChatBotReloader>().ReloadAsync();
        var status = host.Services.GetRequiredService<RunningChatBots>().Find("default")!.Sources.GetSources().Single();
        await host.StopAsync();

        result.Succeeded.Should().BeTrue();
        source.Should().BeSameAs(first);
        source!.Calls.Should().BeEquivalentTo("join c", "leave a");
        source.Channels.Should().BeEquivalentTo("b", "c");
        status.Channels.Should().BeEquivalentTo("b", "c");
    }

    [Fact]
    public async Task ReloadAsync_DelegateAddedWithConfigure_RunsAgainOnTheNewConfiguration()
    {
        File.WriteAllText(Yaml, "Dice:\n  Reply: one\n");
        var source = new FakeChatSource();
        var builder = Host.CreateApplicationBuilder([]);
        builder.Configuration.AddYamlFile(Yaml);
        var configuration = builder.Configuration;
        var bot = builder.Services.AddChatBot(b => b.WithName("kit").WithRateLimits(RateLimiting.RateLimitPolicy.Unlimited).WithFilters(f => f with { DuplicateLookback = 0 }));
        bot.Configure(b =>
        {
            var reply = configuration["Dice:Reply"];
            b.OnCommand("dice", _ => reply).AddSource(new ChatSourceRegistration("fake", new FakeSettings("local"), _ => source) { Channels = ["c"] });
        });
        using var host = builder.Build();
        await host.StartAsync();
        var before = await AskAsync(source);

        File.WriteAllText(Yaml, "Dice:\n  Reply: two\n");
        var result = await host.Services.GetRequiredService<ChatBotReloader>().ReloadAsync();
        var after = await AskAsync(source);
        await host.StopAsync();

        before.Should().Be("one");
        result.Rebuilt.Should().Equal("default");
        after.Should().Be("two");
    }

    [Fact]
    public async Task ReloadAsync_AfterTheHostStopped_IsRefused()
    {
        File.WriteAllText(Yaml, "Dice:\n  Reply: one\nBot:\n  Channels: [c]\n");
        using var host = Build(new FakeChatSource());
        await host.StartAsync();
        await host.StopAsync();

        var result = await host.Services.GetRequiredService<ChatBotReloader>().ReloadAsync();

        result.Should().BeEquivalentTo(new { Succeeded = false, Problem = "The host is stopping." });
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("ChatBotKit:\n  ReloadOnHangup: false\n", false)]
    public async Task Start_ReloadOnHangup_ListensForSighupUnlessTurnedOff(string yaml, bool listens)
    {
        File.WriteAllText(Yaml, "Dice:\n  Reply: one\nBot:\n  Channels: [c]\n" + yaml);
        using var host = Build(new FakeChatSource());

        await host.StartAsync();
        await host.StopAsync();

        _logs.Lines.Any(l => l.Text.Contains("SIGHUP reloads the configuration and the bots", StringComparison.Ordinal)).Should().Be(listens);
    }
}
