using System.Diagnostics.Metrics;
using ChatBotKit.Engine;
using ChatBotKit.Tests.Fakes;
using Microsoft.Extensions.Logging;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

public sealed class EngineObservabilityTests : EngineTestBase
{
    [Fact]
    public async Task Metrics_CountEventsDecisionsTriggersAndSends()
    {
        using var meters = new TestMeterFactory();
        var counts = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (meters.Created.Contains(instrument.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + string.Concat(tags.ToArray().Select(t => $"|{t.Key}={t.Value}"));
            lock (counts)
            {
                counts[key] = counts.GetValueOrDefault(key) + value;
            }
        });
        listener.Start();
        await using var engine = Start(Bot().OnMention().Build(), new ChatBotEngineOptions { MeterFactory = meters });

        engine.Post(Message("a", "kit?"), Source);
        engine.Post(Message("b", "hello"), Source);
        await engine.WhenIdleAsync();

        counts.Should().Contain("chatbotkit.events.received|kind=message", 2);
        counts.Should().Contain("chatbotkit.decisions|outcome=Replied", 1);
        counts.Should().Contain("chatbotkit.decisions|outcome=NoTrigger", 1);
        counts.Should().Contain("chatbotkit.triggers.fired|kind=mention", 1);
        counts.Should().Contain("chatbotkit.messages.sent", 1);
    }

    [Fact]
    public async Task Logs_CarryTheCorrelationIdAndNoChatTextAboveTrace()
    {
        using var logs = new ListLoggerProvider(LogLevel.Debug);
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        Llm.Respond = (_, _) => Task.FromException<string>(new HttpRequestException("unreachable"));
        await using var engine = Start(Bot().OnMention().Build(), new ChatBotEngineOptions { LoggerFactory = loggerFactory });

        engine.Post(Message("alice", "kit my-secret-words"), Source);
        await engine.WhenIdleAsync();

        var id = Decisions.Decisions.Single().CorrelationId.ToString();
        logs.Lines.Should().Contain(l => l.Level == LogLevel.Warning && l.Text.Contains(id, StringComparison.Ordinal));
        logs.Lines.Should().Contain(l => l.Level == LogLevel.Debug && l.Text.Contains(id, StringComparison.Ordinal) && l.Text.Contains("LlmFailed", StringComparison.Ordinal));
        logs.Lines.Should().NotContain(l => l.Text.Contains("my-secret-words", StringComparison.Ordinal));
    }
}
