using System.Collections.Concurrent;
using System.Text.Json;
using ChatBotKit.Speech.Audio;
using ChatBotKit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Speech.Tests.Fakes;

/// <summary>
/// An OpenAI-compatible <c>/v1/audio/speech</c> on Kestrel. The phrase picks the answer: text
/// starting with "hang" never gets one, "html" gets a web page, "cut" gets half of the audio its
/// header announces, "reset" has its connection broken mid-body, "refuse" gets a 500; anything else
/// gets a WAV tone.
/// </summary>
public sealed class FakeSpeechServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonElement> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _received = new(0);

    private FakeSpeechServer(WebApplication app) => _app = app;

    public Uri BaseUrl => new($"{_app.Urls.First()}/v1");

    public IReadOnlyList<JsonElement> Requests => [.. _requests];

    public static async Task<FakeSpeechServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{LoopbackPort.GetFree()}");
        var app = builder.Build();
        var fake = new FakeSpeechServer(app);
        app.MapPost("/v1/audio/speech", fake.SpeakAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>Waits until <paramref name="count"/> more requests arrived.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            (await _received.WaitAsync(TimeSpan.FromSeconds(20))).Should().BeTrue("the request should reach the server");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task SpeakAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = body.RootElement.Clone();
        _requests.Enqueue(request);
        _received.Release();
        var input = request.GetProperty("input").GetString() ?? "";
        var wav = WavEncoder.Encode(Tone.Make(440, TimeSpan.FromMilliseconds(300)));
        if (input.StartsWith("hang", StringComparison.Ordinal))
        {
            await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, context.RequestAborted).Token)
                .ContinueWith(_ => { }, TaskScheduler.Default);
        }
        else if (input.StartsWith("html", StringComparison.Ordinal))
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>");
        }
        else if (input.StartsWith("cut", StringComparison.Ordinal))
        {
            context.Response.ContentType = "audio/wav";
            await context.Response.Body.WriteAsync(wav.AsMemory(0, wav.Length / 2));
        }
        else if (input.StartsWith("reset", StringComparison.Ordinal))
        {
            context.Response.ContentType = "audio/wav";
            context.Response.ContentLength = wav.Length;
            await context.Response.Body.WriteAsync(wav.AsMemory(0, wav.Length / 2));
            await context.Response.Body.FlushAsync();
            context.Abort();
        }
        else if (input.StartsWith("refuse", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "model overloaded", type = "server_error" } });
        }
        else
        {
            context.Response.ContentType = "audio/wav";
            await context.Response.Body.WriteAsync(wav);
        }
    }
}
