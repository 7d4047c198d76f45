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
/// An OpenAI-compatible server on a free loopback port (Kestrel, real HTTP): chat completions
/// plain and SSE-streamed, the model list, and one injectable <see cref="Fault"/> per request.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly SemaphoreSlim _received = new(0);
    private int _active;
    private int _maxActive;

    private FakeOpenAIServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public string Reply { get; set; } = "Hello there. How are you?";

    public IReadOnlyList<string> StreamTokens { get; set; } = ["Hello", " there", ".", " How", " are", " you", "?"];

    public IReadOnlyList<string> Models { get; set; } = ["llama3.2"];

    public int RetryAfterSeconds { get; set; } = 7;

    /// <summary>Requests wait here before answering when set (concurrency tests).</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>When set, each streamed token waits for one release of it: a stream as slow as the test makes it.</summary>
    public SemaphoreSlim? TokenPace { get; set; }

    /// <summary>A slow first token waits for this.</summary>
    public TaskCompletionSource FirstTokenGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A cut stream waits for this after its first two tokens, so the client has read them before the reset.</summary>
    public TaskCompletionSource CutGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public int MaxConcurrentRequests => Volatile.Read(ref _maxActive);

    /// <summary>Completes when a request is aborted by its client while the server still works on it.</summary>
    public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost("/v1/chat/completions", server.CompleteAsync);
        app.MapGet("/v1/models", server.ModelsAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    public void Inject(params Fault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    public async Task WaitForRequestsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (_requests.Count < count)
        {
            await _received.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        FirstTokenGate.TrySetResult();
        CutGate.TrySetResult();
        Hold?.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ModelsAsync(HttpContext context)
    {
        Record(context, "");
        if (_faults.TryDequeue(out var fault) && await FailAsync(context, fault, ""))
        {
            return;
        }

        var data = Models.Select(id => new { id, @object = "model", created = 1767225600, owned_by = "fake" });
        await context.Response.WriteAsJsonAsync(new { @object = "list", data });
    }

    private async Task CompleteAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var active = Interlocked.Increment(ref _active);
        InterlockedMax(ref _maxActive, active);
        try
        {
            Record(context, body);
            if (Hold is { } hold)
            {
                await hold.Task.WaitAsync(context.RequestAborted);
            }

            using var json = JsonDocument.Parse(body);
            var model = json.RootElement.GetProperty("model").GetString()!;
            var stream = json.RootElement.TryGetProperty("stream", out var s) && s.GetBoolean();
            var fault = _faults.TryDequeue(out var f) ? f : Fault.None;
            if (await FailAsync(context, fault, model))
            {
                return;
            }

            if (stream)
            {
                await StreamAsync(context, model, fault);
            }
            else
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(FakeResponses.Completion(model, Reply));
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Aborted.TrySetResult();
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    private async Task<bool> FailAsync(HttpContext context, Fault fault, string model)
    {
        var response = context.Response;
        switch (fault)
        {
            case Fault.RateLimited:
                response.StatusCode = 429;
                response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await response.WriteAsJsonAsync(new { error = new { message = "slow down", type = "rate_limit" } });
                return true;
            case Fault.ServerError:
                response.StatusCode = 500;
                await response.WriteAsJsonAsync(new { error = new { message = "boom", type = "server_error" } });
                return true;
            case Fault.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                return true;
            case Fault.MalformedJson:
                response.ContentType = "application/json";
                await response.WriteAsync("{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":");
                return true;
            case Fault.HtmlPage:
                response.StatusCode = 502;
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>");
                return true;
            case Fault.Unauthorized:
                response.StatusCode = 401;
                await response.WriteAsJsonAsync(new { error = new { message = "invalid api key", type = "invalid_request_error" } });
                return true;
            case Fault.NotFound:
                response.StatusCode = 404;
                await response.WriteAsJsonAsync(new { error = new { message = $"model '{model}' not found", type = "not_found" } });
                return true;
            default:
                return false;
        }
    }

    private async Task StreamAsync(HttpContext context, string model, Fault fault)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        await response.StartAsync();
        for (var i = 0; i < StreamTokens.Count; i++)
        {
            if (TokenPace is { } pace)
            {
                await pace.WaitAsync(context.RequestAborted);
            }

            if (i == 0 && fault == Fault.SlowFirstToken)
            {
                await FirstTokenGate.Task.WaitAsync(context.RequestAborted);
            }

            if (i == 1 && fault is Fault.MalformedStreamJson or Fault.StreamError)
            {
                await response.WriteAsync(fault == Fault.StreamError
                    ? "data: {\"error\":{\"message\":\"model crashed\",\"type\":\"server_error\"}}\n\n"
                    : "data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"delta\":{\"content\":\n\n");
                return;
            }

            if (i == 2 && fault == Fault.CutStream)
            {
                await CutGate.Task.WaitAsync(context.RequestAborted);
                context.Abort();
                return;
            }

            await response.WriteAsync(": keep-alive comment\n\n" + FakeResponses.Event(FakeResponses.Chunk(model, StreamTokens[i], null)));
            await response.Body.FlushAsync();
        }

        if (fault == Fault.EndWithoutFinish)
        {
            return;
        }

        await response.WriteAsync(FakeResponses.Event(FakeResponses.Chunk(model, null, "stop")));
        await response.WriteAsync(FakeResponses.Event(FakeResponses.UsageChunk(model)));
        await response.WriteAsync("data: [DONE]\n\n");
    }

    private void Record(HttpContext context, string body)
    {
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.Headers.Authorization.ToString(), body));
        _received.Release();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
