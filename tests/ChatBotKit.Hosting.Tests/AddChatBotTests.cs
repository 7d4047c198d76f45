using ChatBotKit.Events;
using ChatBotKit.Hosting;
using ChatBotKit.Sources;
using ChatBotKit.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Hosting.Tests;

public sealed class AddChatBotTests
{
    private sealed record FakeSettings(string Server);

    private static ChatSourceRegistration Declared(FakeChatSource source, string name = "fake") =>
        new(name, new FakeSettings("local"), _ => source) { Channels = ["c"] };

    [Fact]
    public async Task AddChatBot_AppHost_OpensDeclaredSourceAndAnswers()
    {
        var source = new FakeChatSource();
        var builder = Host.CreateApplicationBuilder([]);
        builder.Services.AddChatBot(bot => bot
            .WithName("kit")
            .OnCommand("dice", _ => "rolled a 4")
            .AddSource(Declared(source)));
        using var host = builder.Build();

        await host.StartAsync();
        source.State.Should().Be(ConnectionState.Connected);
        source.Push(Message("alice", "!dice", id: "m1"));
        var sent = await source.WaitForSentAsync(1, TimeSpan.FromSeconds(30));
        await host.StopAsync();

        sent.Should().ContainSingle().Which.Text.Should().Be("rolled a 4");
        sent[0].ReplyToId.Should().Be("m1");
        source.State.Should().Be(ConnectionState.Closed);
    }

    [Fact]
    public async Task AddChatBot_ConfigureAfterwards_AddsToTheDescriptionInOrder()
    {
        var source = new FakeChatSource();
        var builder = Host.CreateApplicationBuilder([]);
        var bot = builder.Services.AddChatBot();
        bot.Configure(b => b.WithName("kit").AddSource(Declared(source)));
        bot.Configure(b => b.OnCommand("ping", _ => "pong"));
        using var host = builder.Build();

        await host.StartAsync();
        source.Push(Message("alice", "!ping"));
        var sent = await source.WaitForSentAsync(1, TimeSpan.FromSeconds(30));
        await host.StopAsync();

        bot.Key.Should().Be("default");
        bot.Services.Should().BeSameAs(builder.Services);
        sent.Single().Text.Should().Be("pong");
    }

    [Fact]
    public async Task AddChatBot_TwoKeys_RunIndependentlyAndAreReachableByKey()
    {
        var first = new FakeChatSource();
        var second = new FakeChatSource(new ChatPlatform("other"));
        var builder = Host.CreateApplicationBuilder([]);
        builder.Services.AddChatBot("one", bot => bot.WithName("one").OnCommand("who", _ => "one").AddSource(Declared(first)));
        builder.Services.AddChatBot("two", bot => bot.WithName("two").OnCommand("who", _ => "two").AddSource(Declared(second)));
        using var host = builder.Build();

        await host.StartAsync();
        first.Push(Message("alice", "!who"));
        second.Push(Message("bob", "!who") with { Platform = second.Platform });
        var one = await first.WaitForSentAsync(1, TimeSpan.FromSeconds(30));
        var two = await second.WaitForSentAsync(1, TimeSpan.FromSeconds(30));
        var running = host.Services.GetRequiredService<RunningChatBots>().All.Select(r => r.Name).ToList();
        var service = host.Services.GetRequiredKeyedService<ChatBotService>("two");
        await host.StopAsync();

        one.Single().Text.Should().Be("one");
        two.Single().Text.Should().Be("two");
        running.Should().Equal("one", "two");
        service.Runtime!.Engine.Definition.Identity.Name.Should().Be("two");
    }

    [Fact]
    public void AddChatBot_SameKeyTwice_Throws()
    {
        var services = new ServiceCollection();
        services.AddChatBot("a");

        var again = () => services.AddChatBot("a");

        again.Should().Throw<InvalidOperationException>().WithMessage("*'a'*");
    }

    [Fact]
    public async Task AddChatBot_InvalidDefinition_StartFailsNamingTheSetting()
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.Services.AddChatBot(bot => bot.WithName("kit").AddSource(new ChatSourceRegistration("", new FakeSettings("x"), _ => new FakeChatSource())));
        using var host = builder.Build();

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<ChatBotConfigurationException>()).Which.Message.Should().Contain("Sources[0].Name");
    }
}
