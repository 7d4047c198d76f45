using BenchmarkDotNet.Attributes;
using ChatBotKit.AI;
using ChatBotKit.AI.Policies;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Benchmarks.AI;

/// <summary>
/// Client-side cost per streamed token: one streamed call of 1,000 tokens against a canned
/// in-memory body (no network), reported per token. <c>Adapter</c> is <see cref="LlmClient"/>
/// alone (the SDK's request pipeline, its SSE or NDJSON and JSON parsing, our error translation);
/// <c>Pipeline</c> adds metrics, retry, timeout and concurrency limit as <c>streambot --llm</c>
/// and a typical app stack them.
/// </summary>
[MemoryDiagnoser]
public class StreamingClientBenchmarks
{
    private const int Tokens = 1_000;
    private static readonly ChatMessage[] Prompt = [new(ChatRole.User, "hi")];
    private IChatClient _adapter = null!;
    private IChatClient _pipeline = null!;
    private HttpClient _http = null!;

    [Params(LlmProtocol.OpenAICompatible, LlmProtocol.Ollama)]
    public LlmProtocol Protocol { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new CannedStreamHandler(Tokens));
        var url = Protocol == LlmProtocol.Ollama ? "http://localhost:1" : "http://localhost:1/v1";
        _adapter = LlmClient.Create(new LlmOptions { Protocol = Protocol, BaseUrl = new Uri(url), Model = "m", HttpClient = _http });
        _pipeline = _adapter.AsBuilder()
            .UseMetrics()
            .UseRetry(new RetryPolicyOptions { MaxRetries = 2 })
            .UseTimeout(TimeSpan.FromSeconds(30))
            .UseConcurrencyLimit(4)
            .Build();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pipeline.Dispose();
        _http.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Tokens)]
    public Task<int> Adapter() => StreamAsync(_adapter);

    [Benchmark(OperationsPerInvoke = Tokens)]
    public Task<int> Pipeline() => StreamAsync(_pipeline);

    private static async Task<int> StreamAsync(IChatClient client)
    {
        var count = 0;
        await foreach (var update in client.GetStreamingResponseAsync(Prompt).ConfigureAwait(false))
        {
            count += update.Contents.Count;
        }

        if (count < Tokens)
        {
            throw new InvalidOperationException($"only {count} tokens arrived");
        }

        return count;
    }
}
