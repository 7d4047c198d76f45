using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatBotKit.Engine;
using ChatBotKit.Hosting.Metrics;
using ChatBotKit.Tests.Fakes;
using Microsoft.Extensions.AI;
using NATS.Client.Core;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Hosting.Tests;

public sealed class ChatBotKitInstrumentationTests
{
    [Fact]
    public void Names_IncludeTheLibrariesOwnNames()
    {
        ChatBotKitInstrumentation.Names.Should().Contain(NatsTelemetry.SourceName).And.Contain(ChatBotMetrics.MeterName);
    }

    [Fact]
    public async Task AddChatBotKitInstrumentation_MeterProvider_ExportsEngineConnectorAndMeaiMetricsOnly()
    {
        var exported = new List<Metric>();
        using var connector = new Meter($"ChatBotKit.Test{Guid.NewGuid():N}");
        using var other = new Meter("Somebody.Else");
        using (var provider = Sdk.CreateMeterProviderBuilder().AddChatBotKitInstrumentation().AddInMemoryExporter(exported).Build())
        {
            connector.CreateCounter<long>("chatbotkit.test.reconnects").Add(1);
            other.CreateCounter<long>("other.count").Add(1);
            await using (var engine = new ChatBotEngine(new ChatBotBuilder("kit").OnCommand("dice", _ => "4").Build()))
            {
                engine.Post(Message("alice", "!dice"), new FakeChatSource());
                await engine.WhenIdleAsync();
            }

            using var client = new FakeChatClient("hi").AsBuilder().UseOpenTelemetry().Build();
            await client.GetResponseAsync("hello", new ChatOptions { ModelId = "m" });
            provider.ForceFlush();
        }

        var names = exported.Select(m => m.Name).ToList();
        names.Should().Contain(["chatbotkit.messages.sent", "chatbotkit.test.reconnects", "gen_ai.client.operation.duration"]);
        names.Should().NotContain("other.count");
    }

    [Fact]
    public async Task AddChatBotKitInstrumentation_TracerProvider_ExportsMeaiChatSpans()
    {
        var exported = new List<Activity>();
        using (var provider = Sdk.CreateTracerProviderBuilder().AddChatBotKitInstrumentation().AddInMemoryExporter(exported).Build())
        {
            using var client = new FakeChatClient("hi").AsBuilder().UseOpenTelemetry().Build();
            await client.GetResponseAsync("hello", new ChatOptions { ModelId = "m" });
            provider.ForceFlush();
        }

        exported.Should().ContainSingle(a => a.Source.Name == "Experimental.Microsoft.Extensions.AI").Which.DisplayName.Should().Be("chat m");
    }
}
