using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ChatBotKit.Benchmarks.AI;

/// <summary>
/// Answers every request with the same prebuilt streamed body — OpenAI's SSE for
/// <c>/chat/completions</c>, Ollama's NDJSON for <c>/api/chat</c> — so a benchmark measures the
/// client, not a network.
/// </summary>
public sealed class CannedStreamHandler : HttpMessageHandler
{
    private readonly byte[] _sse;
    private readonly byte[] _ndjson;

    public CannedStreamHandler(int tokens)
    {
        var sse = new StringBuilder();
        var ndjson = new StringBuilder();
        for (var i = 0; i < tokens; i++)
        {
            sse.Append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" word")
                .Append(i % 10).Append("\"},\"finish_reason\":null}]}\n\n");
            ndjson.Append("{\"model\":\"m\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\" word")
                .Append(i % 10).Append("\"},\"done\":false}\n");
        }

        sse.Append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        sse.Append("data: [DONE]\n\n");
        ndjson.Append("{\"model\":\"m\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":1,\"eval_count\":").Append(tokens).Append("}\n");
        _sse = Encoding.UTF8.GetBytes(sse.ToString());
        _ndjson = Encoding.UTF8.GetBytes(ndjson.ToString());
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var ollama = request.RequestUri!.AbsolutePath.EndsWith("/api/chat", StringComparison.Ordinal);
        var content = new ByteArrayContent(ollama ? _ndjson : _sse);
        content.Headers.ContentType = new MediaTypeHeaderValue(ollama ? "application/x-ndjson" : "text/event-stream");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
