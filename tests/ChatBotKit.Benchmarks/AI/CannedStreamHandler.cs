using System.Net;
using System.Text;

namespace ChatBotKit.Benchmarks.AI;

/// <summary>Answers every request with the same prebuilt SSE body, so a benchmark measures the client, not a network.</summary>
public sealed class CannedSseHandler : HttpMessageHandler
{
    private readonly byte[] _body;

    public CannedSseHandler(int tokens)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < tokens; i++)
        {
            sb.Append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" word")
                .Append(i % 10).Append("\"},\"finish_reason\":null}]}\n\n");
        }

        sb.Append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        sb.Append("data: [DONE]\n\n");
        _body = Encoding.UTF8.GetBytes(sb.ToString());
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
