using ChatBotKit.Hosting.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Serves the bots' <c>/health</c> and <c>/metrics</c> from an app that is not a web app itself.</summary>
public static class ChatBotHttpBuilderExtensions
{
    /// <summary>
    /// Starts a small Kestrel server with <c>/health</c> and <c>/metrics</c> on <c>ChatBotKit:Http:Endpoint</c>
    /// when <c>ChatBotKit:Http:Enabled</c> is true. A web app maps them on its own server with
    /// <c>app.MapChatBotEndpoints()</c> instead.
    /// </summary>
    public static IChatBotBuilder WithHttpEndpoints(this IChatBotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<ChatBotHttpService>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ChatBotHttpService>(sp => sp.GetRequiredService<ChatBotHttpService>()));
        return builder;
    }
}
