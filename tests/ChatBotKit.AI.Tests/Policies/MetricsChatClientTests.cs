using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ChatBotKit.AI.Policies;
using ChatBotKit.AI.Tests.Fakes;
using ChatBotKit.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Tests.Policies;

public sealed class MetricsChatClientTests : ServerTestBase, IDisposable
{
    private static readonly ChatMessage[] Hi = [new(ChatRole.User, "hi")];
    private readonly LlmMetrics _metrics = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Name, double Value, string? Kind)> _measurements = new();

    public MetricsChatClientTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _metrics.Meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    [Fact]
    public async Task GetResponseAsync_Success_CountsRequestTokensAndLatency()
    {
        using var client = new MetricsChatClient(TestClients.Client(Server), _metrics);

        await client.GetResponseAsync(Hi);

        Sum("chatbotkit.llm.requests").Should().Be(1);
        Sum("chatbotkit.llm.tokens.input").Should().Be(FakeResponses.PromptTokens);
        Sum("chatbotkit.llm.tokens.output").Should().Be(FakeResponses.CompletionTokens);
        Values("chatbotkit.llm.duration").Should().ContainSingle();
        Values("chatbotkit.llm.failures").Should().BeEmpty();
        _metrics.Meter.Name.Should().Be("ChatBotKit.AI");
    }

    [Fact]
    public async Task GetResponseAsync_Failure_CountsFailureByKind()
    {
        Server.Inject(Fault.ServerError);
        using var client = new MetricsChatClient(TestClients.Client(Server), _metrics);

        await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync(Hi));

        _measurements.Where(m => m.Name == "chatbotkit.llm.failures").Select(m => m.Kind).Should().Equal("server_error");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SlowFirstToken_RecordsTimeToFirstTokenOnTheClock()
    {
        var clock = new ObservedClock();
        Server.Inject(Fault.SlowFirstToken);
        using var client = new MetricsChatClient(TestClients.Client(Server), _metrics, clock);

        var call = client.GetStreamingResponseAsync(Hi).ToListAsync().AsTask();
        await Server.WaitForRequestsAsync(1);
        clock.Advance(TimeSpan.FromMilliseconds(1500));
        Server.FirstTokenGate.SetResult();
        await call;

        Values("chatbotkit.llm.time_to_first_token").Should().Equal(1.5);
        Sum("chatbotkit.llm.tokens.output").Should().Be(FakeResponses.CompletionTokens);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? kind = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "kind")
            {
                kind = tag.Value as string;
            }
        }

        _measurements.Enqueue((instrument.Name, value, kind));
    }

    private double Sum(string name) => Values(name).Sum();

    private List<double> Values(string name) => _measurements.Where(m => m.Name == name).Select(m => m.Value).ToList();
}
