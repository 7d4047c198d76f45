using System.Text.Json;
using ChatBotKit.Hosting;
using ChatBotKit.Hosting.Health;
using ChatBotKit.Hosting.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps <c>GET /health</c> and <c>GET /metrics</c> for the bots registered with <c>AddChatBot</c>.</summary>
public static class ChatBotEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// <c>/health</c>: JSON, 200 when healthy or degraded, 503 when unhealthy (the ASP.NET Core
    /// health-check convention). <c>/metrics</c>: Prometheus text exposition.
    /// </summary>
    public static IEndpointRouteBuilder MapChatBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/health", (HttpContext context) => WriteHealthAsync(context, context.RequestServices.GetRequiredService<ChatBotHealth>()));
        endpoints.MapGet("/metrics", (HttpContext context) => WriteMetricsAsync(context, context.RequestServices.GetRequiredService<PrometheusExporter>()));
        return endpoints;
    }

    internal static Task WriteHealthAsync(HttpContext context, ChatBotHealth health)
    {
        var document = health.Check();
        context.Response.StatusCode = document.Status == "unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        context.Response.Headers.CacheControl = "no-store, no-cache";
        return context.Response.WriteAsJsonAsync(document, Json, context.RequestAborted);
    }

    internal static Task WriteMetricsAsync(HttpContext context, PrometheusExporter exporter)
    {
        context.Response.ContentType = PrometheusExporter.ContentType;
        return context.Response.WriteAsync(exporter.Scrape(), context.RequestAborted);
    }
}
