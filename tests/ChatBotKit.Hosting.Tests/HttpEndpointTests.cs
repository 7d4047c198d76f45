using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ChatBotKit.Events;
using ChatBotKit.Hosting.Health;
using ChatBotKit.Hosting.Metrics;
using ChatBotKit.Sources;
using ChatBotKit.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Hosting.Tests;

public sealed class HttpEndpointTests
{
    private sealed record FakeSettings(string Server);

    internal static async Task<(WebApplication App, HttpClient Http, FakeChatSource Source)> StartAppAsync(Action<ChatBotBuilder>? more = null)
    {
        var source = new FakeChatSource();
        var port = ChatBotKit.Testing.LoopbackPort.GetFree();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var bot = builder.Services.AddChatBot(b => b.WithName("kit").OnCommand("dice", _ => "rolled")
            .AddSource(new ChatSourceRegistration("fake", new FakeSettings("x"), _ => source) { Channels = ["c"] }));
        if (more is not null)
        {
            bot.Configure(more);
        }

        var app = builder.Build();
        app.MapChatBotEndpoints();
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") }, source);
    }

    [Fact]
    public async Task Health_ConnectedSource_Returns200WithSourcesQueuesAndGeneration()
    {
        var (app, http, source) = await StartAppAsync();
        await using (app)
        {
            source.Push(Message("alice", "!dice"));
            await source.WaitForSentAsync(1, TimeSpan.FromSeconds(30));

            using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var root = json.RootElement;
            root.GetProperty("status").GetString().Should().Be("healthy");
            var bot = root.GetProperty("bots")[0];
            bot.GetProperty("name").GetString().Should().Be("default");
            bot.GetProperty("generation").GetInt32().Should().Be(1);
            var src = bot.GetProperty("sources")[0];
            src.GetProperty("name").GetString().Should().Be("fake");
            src.GetProperty("state").GetString().Should().Be("connected");
            src.GetProperty("events").GetInt64().Should().Be(1);
            src.GetProperty("lastEventAgeSeconds").ValueKind.Should().Be(JsonValueKind.Number);
            bot.GetProperty("channels")[0].GetProperty("queueDepth").GetInt32().Should().Be(0);
            bot.GetProperty("llm").GetProperty("backend").GetString().Should().Be("offline");
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Health_SourceDisconnected_Returns503Unhealthy()
    {
        var (app, http, source) = await StartAppAsync();
        await using (app)
        {
            await source.DisposeAsync();

            using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            json.RootElement.GetProperty("status").GetString().Should().Be("unhealthy");
            json.RootElement.GetProperty("bots")[0].GetProperty("sources")[0].GetProperty("state").GetString().Should().Be("closed");
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Metrics_AfterAReply_ExposesCountersInPrometheusText()
    {
        var (app, http, source) = await StartAppAsync();
        await using (app)
        {
            source.Push(Message("alice", "!dice"));
            await source.WaitForSentAsync(1, TimeSpan.FromSeconds(30));

            using var response = await http.GetAsync(new Uri("metrics", UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();

            response.Content.Headers.ContentType!.ToString().Should().StartWith("text/plain; version=0.0.4");
            text.Should().Contain("# TYPE chatbotkit_messages_sent_total counter");
            text.Should().MatchRegex(@"chatbotkit_events_received_total\{kind=""message""\} [1-9]");
            text.Should().Contain("# TYPE chatbotkit_queue_depth gauge");
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task HttpServer_StandaloneOnPortZero_ServesHealthOnItsAddress()
    {
        var bots = new RunningChatBots();
        await using var health = new ChatBotHealth(bots);
        using var exporter = new PrometheusExporter();
        await using var server = await AspNetCore.ChatBotHttpServer.StartAsync("127.0.0.1:0", health, exporter);
        using var http = new HttpClient { BaseAddress = server.Address };

        using var response = await http.GetAsync(new Uri("health", UriKind.Relative));

        server.Address.Port.Should().BePositive();
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "no bot is running");
    }

    [Theory]
    [InlineData("8080")]
    [InlineData(":8080")]
    [InlineData("localhost:http")]
    [InlineData("localhost:70000")]
    public void ToUrl_NotHostPort_ThrowsNamingTheValue(string endpoint)
    {
        var parse = () => AspNetCore.ChatBotHttpServer.ToUrl(endpoint);

        parse.Should().Throw<ArgumentException>().WithMessage($"*'{endpoint}'*");
    }

    [Fact]
    public async Task HttpConfiguration_Enabled_GenericHostServesHealth()
    {
        var port = ChatBotKit.Testing.LoopbackPort.GetFree();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder([]);
        builder.Configuration.AddInMemoryCollection([new("ChatBotKit:Http:Enabled", "true"), new("ChatBotKit:Http:Endpoint", $"127.0.0.1:{port}")]);
        builder.Services.AddChatBot(bot => bot.WithName("kit")).WithHttpEndpoints();
        using var host = builder.Build();
        await host.StartAsync();

        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
        var body = await response.Content.ReadAsStringAsync();
        await host.StopAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Should().Contain("\"name\":\"default\"");
    }
}
