using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatBotKit.Engine;
using ChatBotKit.Hosting.Metrics;
using ChatBotKit.Tests.Fakes;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Hosting.Tests;

public sealed class PrometheusExporterTests
{
    private static string MeterName() => $"ChatBotKit.Test{Guid.NewGuid():N}";

    [Fact]
    public void Scrape_Histogram_WritesCumulativeBucketsSumAndCountWithUnitSuffix()
    {
        using var meter = new Meter(MeterName());
        using var exporter = new PrometheusExporter(m => m == meter);
        var histogram = meter.CreateHistogram<double>("chatbotkit.test.latency", "s", "Latency.");

        histogram.Record(0.003, new KeyValuePair<string, object?>("model", "m"));
        histogram.Record(0.2, new KeyValuePair<string, object?>("model", "m"));
        histogram.Record(100, new KeyValuePair<string, object?>("model", "m"));
        var text = exporter.Scrape();

        text.Should().Contain("# TYPE chatbotkit_test_latency_seconds histogram\n");
        text.Should().Contain("chatbotkit_test_latency_seconds_bucket{model=\"m\",le=\"0.005\"} 1\n");
        text.Should().Contain("chatbotkit_test_latency_seconds_bucket{model=\"m\",le=\"0.25\"} 2\n");
        text.Should().Contain("chatbotkit_test_latency_seconds_bucket{model=\"m\",le=\"60\"} 2\n");
        text.Should().Contain("chatbotkit_test_latency_seconds_bucket{model=\"m\",le=\"+Inf\"} 3\n");
        text.Should().Contain("chatbotkit_test_latency_seconds_sum{model=\"m\"} 100.203\n");
        text.Should().Contain("chatbotkit_test_latency_seconds_count{model=\"m\"} 3\n");
    }

    [Fact]
    public void Scrape_CounterAndObservableGauge_TotalSuffixEscapedLabelsAndFreshGaugeValues()
    {
        using var meter = new Meter(MeterName());
        using var exporter = new PrometheusExporter(m => m == meter);
        var depth = 5;
        meter.CreateObservableGauge("chatbotkit.test.depth", () => depth, "{event}", "Depth.");
        var counter = meter.CreateCounter<long>("chatbotkit.test.events", "{event}", "Events \\ seen.\nTwice.");

        counter.Add(2, new KeyValuePair<string, object?>("reason", "say \"hi\""));
        counter.Add(3, new KeyValuePair<string, object?>("reason", "say \"hi\""));
        exporter.Scrape();
        depth = 7;
        var text = exporter.Scrape();

        text.Should().Contain("# HELP chatbotkit_test_events_total Events \\\\ seen.\\nTwice.\n");
        text.Should().Contain("# TYPE chatbotkit_test_events_total counter\n");
        text.Should().Contain("chatbotkit_test_events_total{reason=\"say \\\"hi\\\"\"} 5\n");
        text.Should().Contain("chatbotkit_test_depth 7\n");
    }

    [Fact]
    public void Scrape_Default_ExportsRuntimeProcessGcAndThreadPoolFamilies()
    {
        using var exporter = new PrometheusExporter();
        GC.Collect();

        var text = exporter.Scrape();

        text.Should().Contain("# TYPE dotnet_process_cpu_time_seconds_total counter\n").And.Contain("\ndotnet_process_cpu_time_seconds_total{cpu_mode=\"user\"} ");
        text.Should().MatchRegex(@"\ndotnet_process_memory_working_set_bytes [1-9][0-9]{6,}\n");
        text.Should().MatchRegex(@"\ndotnet_gc_collections_total\{gc_heap_generation=""gen2""\} [1-9]");
        text.Should().Contain("\ndotnet_gc_last_collection_heap_size_bytes{gc_heap_generation=\"gen0\"} ");
        text.Should().MatchRegex(@"\ndotnet_thread_pool_threads [1-9]").And.NotContain("dotnet_thread_pool_thread_count");
        text.Should().Contain("\ndotnet_thread_pool_queue_length ");
        text.Should().Contain("# TYPE process_cpu_seconds_total counter\n").And.MatchRegex(@"\nprocess_resident_memory_bytes [1-9][0-9]{6,}\n");
        text.Should().MatchRegex(@"\nprocess_start_time_seconds 1[0-9]{9}").And.MatchRegex(@"\nprocess_open_fds [1-9]");
    }

    [Fact]
    public void Scrape_OtherMeters_AreNotExported()
    {
        using var meter = new Meter("Somebody.Else");
        using var exporter = new PrometheusExporter();
        meter.CreateCounter<long>("other.count").Add(1);

        exporter.Scrape().Should().NotContain("other_count");
    }

    [Fact]
    public async Task Scrape_RealBotOutput_PassesPromtoolCheckMetrics()
    {
        var promtool = ChatBotKit.Testing.DebianPackage.EnsureInstalled("promtool", "prometheus");
        using var connector = new Meter(MeterName());
        using var exporter = new PrometheusExporter();
        connector.CreateHistogram<double>("chatbotkit.test.connect_time", "s", "Time to connect.").Record(0.02);
        connector.CreateUpDownCounter<int>("chatbotkit.test.connections", "{connection}", "Open connections.").Add(1);
        var source = new FakeChatSource();
        await using (var engine = new ChatBotEngine(new ChatBotBuilder("kit").OnMention().OnCommand("dice", _ => "4").Build()))
        {
            engine.Post(Message("alice", "!dice"), source);
            engine.Post(Message("bob", "hi @kit"), source);
            await engine.WhenIdleAsync();
        }

        var text = exporter.Scrape();
        var start = new ProcessStartInfo(promtool, "check metrics") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(text);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        text.Should().Contain("chatbotkit_test_connect_time_seconds_bucket").And.Contain("chatbotkit_messages_sent_total");
        text.Should().Contain("# TYPE dotnet_process_cpu_time_seconds_total counter").And.Contain("# TYPE dotnet_gc_collections_total counter");
        process.ExitCode.Should().Be(0, because: output + "\n" + text);
        output.Trim().Should().BeEmpty(because: text);
    }
}
