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
/// Anthropic's Messages API on a free loopback port (Kestrel, real HTTP): <c>/v1/messages</c>
/// answered whole or as its SSE event sequence, <c>/v1/models</c>, and one injectable
/// <see cref="Fault"/> per request (Unauthorized, NotFound, RateLimited, ServerError, StreamError, EndWithoutFinish).
/// </summary>
public sealed class FakeAnthropicServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly ConcurrentQueue<(RecordedRequest Request, string? ApiKey)> _requests = new();

    private FakeAnthropicServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<string> StreamTokens { get; } = ["Hello", " there", ".", " How", " are", " you", "?"];

    public IReadOnlyList<(RecordedRequest Request, string? ApiKey)> Requests => [.. _requests];

    public static async Task<FakeAnthropicServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeAnthropicServer(app);
        app.MapPost("/v1/messages", server.MessagesAsync);
        app.MapGet("/v1/models", server.ModelsAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public void Inject(Fault fault) => _faults.Enqueue(fault);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ModelsAsync(HttpContext context)
    {
        _requests.Enqueue((new RecordedRequest("GET", context.Request.Path, null, ""), ApiKeyOf(context.Request)));
        var data = new[] { new { id = "claude-haiku-4-5", type = "model", display_name = "Claude Haiku 4.5", created_at = "2025-10-01T00:00:00Z" } };
        await context.Response.WriteAsJsonAsync(new { data, has_more = false, first_id = "claude-haiku-4-5", last_id = "claude-haiku-4-5" });
    }

    private async Task MessagesAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue((new RecordedRequest("POST", context.Request.Path, null, body), ApiKeyOf(context.Request)));
        using var json = JsonDocument.Parse(body);
        var model = json.RootElement.GetProperty("model").GetString()!;
        var stream = json.RootElement.TryGetProperty("stream", out var s) && s.GetBoolean();
        var fault = _faults.TryDequeue(out var f) ? f : Fault.None;
        var response = context.Response;
        var (status, type) = fault switch
        {
            Fault.Unauthorized => (401, "authentication_error"),
            Fault.NotFound => (404, "not_found_error"),
            Fault.RateLimited => (429, "rate_limit_error"),
            Fault.ServerError => (529, "overloaded_error"),
            _ => (200, ""),
        };
        if (status != 200)
        {
            response.StatusCode = status;
            response.Headers["request-id"] = "req_1";
            if (status == 429)
            {
                response.Headers.RetryAfter = "3";
            }

            await response.WriteAsJsonAsync(new { type = "error", error = new { type, message = $"{type} for model: {model}" } });
            return;
        }

        if (!stream)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(JsonSerializer.Serialize(Message(model, [new { type = "text", text = string.Concat(StreamTokens) }], "end_turn", FakeResponses.CompletionTokens)));
            return;
        }

        response.ContentType = "text/event-stream";
        await WriteEventAsync(response, "message_start", new { type = "message_start", message = Message(model, [], null, 1) });
        await WriteEventAsync(response, "content_block_start", new { type = "content_block_start", index = 0, content_block = new { type = "text", text = "" } });
        for (var i = 0; i < StreamTokens.Count; i++)
        {
            if (i == 2 && fault == Fault.StreamError)
            {
                await WriteEventAsync(response, "error", new { type = "error", error = new { type = "overloaded_error", message = "Overloaded" } });
                return;
            }

            await WriteEventAsync(response, "content_block_delta", new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = StreamTokens[i] } });
        }

        await WriteEventAsync(response, "content_block_stop", new { type = "content_block_stop", index = 0 });
        if (fault == Fault.EndWithoutFinish)
        {
            return;
        }

        await WriteEventAsync(response, "message_delta", new { type = "message_delta", delta = new { stop_reason = "end_turn", stop_sequence = (string?)null }, usage = new { output_tokens = FakeResponses.CompletionTokens } });
        await WriteEventAsync(response, "message_stop", new { type = "message_stop" });
    }

    // The SDK sends its key as "Authorization: Bearer"; the API also takes "x-api-key", which the health probe uses.
    private static string? ApiKeyOf(HttpRequest request) =>
        request.Headers.TryGetValue("x-api-key", out var key) ? key.ToString()
        : request.Headers.Authorization.ToString() is { Length: > 7 } bearer && bearer.StartsWith("Bearer ", StringComparison.Ordinal) ? bearer[7..] : null;

    private static object Message(string model, object[] content, string? stopReason, int outputTokens) => new
    {
        id = "msg_1",
        type = "message",
        role = "assistant",
        model,
        content,
        stop_reason = stopReason,
        stop_sequence = (string?)null,
        usage = new { input_tokens = FakeResponses.PromptTokens, output_tokens = outputTokens },
    };

    private static async Task WriteEventAsync(HttpResponse response, string name, object data)
    {
        await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n");
        await response.Body.FlushAsync();
    }
}
