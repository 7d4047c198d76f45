using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatBotKit.AI.Tests.Server;

namespace ChatBotKit.Cli.Tests;

/// <summary>
/// An OpenAI-compatible chat completions endpoint on a free loopback port (HttpListener, so the
/// test project needs no ASP.NET Core, which would keep the logging assemblies out of the child
/// streambot's folder): the first <see cref="Failures"/> chat requests answer 500, the rest a reply (as one
/// server-sent event when the request asks for a stream);
/// <c>GET /v1/models</c> lists the one model, and is not counted in <see cref="Requests"/>.
/// </summary>
internal sealed class FlakyLlmServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private int _requests;

    public FlakyLlmServer(int failures, string reply)
    {
        Failures = failures;
        Reply = reply;
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/v1");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri BaseUrl { get; }

    public int Failures { get; }

    public string Reply { get; }

    public int Requests => Volatile.Read(ref _requests);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            if (context.Request.HttpMethod == "GET")
            {
                // The model list streambot probes at start; not a chat request.
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync("{\"object\":\"list\",\"data\":[{\"id\":\"llama3.2\",\"object\":\"model\"}]}"u8.ToArray());
                context.Response.Close();
                continue;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var streamed = (await reader.ReadToEndAsync()).Contains("\"stream\":true", StringComparison.Ordinal);
            var failed = Interlocked.Increment(ref _requests) <= Failures;
            context.Response.StatusCode = failed ? 500 : 200;
            context.Response.ContentType = failed || !streamed ? "application/json" : "text/event-stream";
            var body = Encoding.UTF8.GetBytes(
                failed ? "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"
                : streamed ? FakeResponses.Event(FakeResponses.Chunk("llama3.2", Reply, "stop")) + "data: [DONE]\n\n"
                : FakeResponses.Completion("llama3.2", Reply));
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
