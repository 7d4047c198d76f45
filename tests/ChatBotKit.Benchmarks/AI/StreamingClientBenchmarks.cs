using BenchmarkDotNet.Attributes;
using ChatBotKit.AI;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Benchmarks.AI;

/// <summary>
/// Client-side cost per streamed token: one streamed call of 1,000 tokens through
/// <see cref="OpenAICompatibleChatClient"/> against a canned in-memory SSE body (no network),
/// reported per token. Includes the SDK's request pipeline and our SSE and JSON parsing into updates.
/// </summary>
[MemoryDiagnoser]
public class StreamingClientBenchmarks
{
    private const int Tokens = 1_000;
    private static readonly ChatMessage[] Prompt = [new(ChatRole.User, "hi")];
    private OpenAICompatibleChatClient _client = null!;
    private HttpClient _http = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new CannedSseHandler(Tokens));
        _client = new OpenAICompatibleChatClient(new OpenAICompatibleOptions { BaseUrl = new Uri("http://localhost:1/v1"), Model = "m", HttpClient = _http });
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(OperationsPerInvoke = Tokens)]
    public async Task<int> StreamedToken()
    {
        var count = 0;
        await foreach (var update in _client.GetStreamingResponseAsync(Prompt).ConfigureAwait(false))
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
