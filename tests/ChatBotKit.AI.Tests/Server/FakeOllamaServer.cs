using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.AI.Tests.Server;

/// <summary>
/// Ollama's native API on a free loopback port (Kestrel, real HTTP): <c>/api/chat</c> answered
/// whole or streamed as NDJSON, <c>/api/tags</c>, Ollama's 404 for a model that was not pulled,
/// and one injectable <see cref="Fault"/> per request (ServerError, CutStream, EndWithoutFinish, StreamError).
/// </summary>
public sealed class FakeOllamaServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeOllamaServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<string> StreamTokens { get; } = ["Hello", " there", ".", " How", " are", " you", "?"];

    public IReadOnlyList<string> Models { get; set; } = ["llama3.2:latest"];

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>A cut stream waits for this after its first two tokens, so the client has read them before the reset.</summary>
    public TaskCompletionSource CutGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeOllamaServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOllamaServer(app);
        app.MapPost("/api/chat", server.ChatAsync);
        app.MapGet("/api/tags", server.TagsAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public void Inject(Fault fault) => _faults.Enqueue(fault);

    public async ValueTask DisposeAsync()
    {
        CutGate.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task TagsAsync(HttpContext context)
    {
        _requests.Enqueue(new RecordedRequest("GET", context.Request.Path, null, ""));
        var models = Models.Select(name => new { name, model = name, modified_at = "2026-01-01T00:00:00Z", size = 2019393189, digest = "a80c4f17acd5" });
        await context.Response.WriteAsJsonAsync(new { models });
    }

    private async Task ChatAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest("POST", context.Request.Path, null, body));
        using var json = JsonDocument.Parse(body);
        var model = json.RootElement.GetProperty("model").GetString()!;
        var stream = !json.RootElement.TryGetProperty("stream", out var s) || s.GetBoolean();
        var fault = _faults.TryDequeue(out var f) ? f : Fault.None;
        var response = context.Response;
        if (!Models.Contains(model) && !Models.Contains(model + ":latest"))
        {
            response.StatusCode = 404;
            await response.WriteAsJsonAsync(new { error = $"model \"{model}\" not found, try pulling it first" });
            return;
        }

        if (fault == Fault.ServerError)
        {
            response.StatusCode = 500;
            await response.WriteAsJsonAsync(new { error = "llama runner process has terminated" });
            return;
        }

        response.ContentType = "application/x-ndjson";
        if (!stream)
        {
            await response.WriteAsync(Done(model, string.Concat(StreamTokens)));
            return;
        }

        for (var i = 0; i < StreamTokens.Count; i++)
        {
            if (i == 2 && fault is Fault.CutStream or Fault.StreamError)
            {
                if (fault == Fault.StreamError)
                {
                    await response.WriteAsync("{\"error\":\"model crashed\"}\n");
                    return;
                }

                await CutGate.Task.WaitAsync(context.RequestAborted);
                context.Abort();
                return;
            }

            await response.WriteAsync(JsonSerializer.Serialize(new { model, created_at = "2026-01-01T00:00:00Z", message = new { role = "assistant", content = StreamTokens[i] }, done = false }) + "\n");
            await response.Body.FlushAsync();
        }

        if (fault != Fault.EndWithoutFinish)
        {
            await response.WriteAsync(Done(model, ""));
        }
    }

    private static string Done(string model, string text) => JsonSerializer.Serialize(new
    {
        model,
        created_at = "2026-01-01T00:00:00Z",
        message = new { role = "assistant", content = text },
        done = true,
        done_reason = "stop",
        total_duration = 1_000_000,
        load_duration = 1_000,
        prompt_eval_count = FakeResponses.PromptTokens,
        prompt_eval_duration = 1_000,
        eval_count = FakeResponses.CompletionTokens,
        eval_duration = 1_000,
    }) + "\n";
}
