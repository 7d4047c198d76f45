using ChatBotKit.Hosting;
using ChatBotKit.Hosting.AspNetCore;
using ChatBotKit.Hosting.AspNetCore.Dashboard;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The web dashboard of the bots registered with <c>AddChatBot</c>, under <c>/dashboard</c>: overview,
/// live decision log, live chat per channel, pause and resume, say as the bot, prompt test and
/// configuration editing. See <see cref="ChatBotDashboardOptions"/> for who may use it.
/// </summary>
public static class ChatBotDashboardExtensions
{
    /// <summary>
    /// Adds the dashboard to the bots' host: a web app then maps it with <see cref="MapChatBotDashboard"/>;
    /// an app served by <c>WithHttpEndpoints()</c> gets it on that server beside <c>/health</c> and <c>/metrics</c>.
    /// </summary>
    public static IChatBotBuilder WithDashboard(this IChatBotBuilder builder, ChatBotDashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(sp => new DashboardFeed((options ?? new ChatBotDashboardOptions()).ClientBufferSize, sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatBotDecisionTap, DashboardFeed>(sp => sp.GetRequiredService<DashboardFeed>()));
        services.TryAddSingleton(sp => new DashboardServices(sp, options ?? new ChatBotDashboardOptions()));
        return builder;
    }

    /// <summary>Maps the dashboard under <c>/dashboard</c>; call <see cref="WithDashboard"/> on the bot first.</summary>
    public static IEndpointRouteBuilder MapChatBotDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<DashboardServices>() is null)
        {
            throw new InvalidOperationException("Call AddChatBot(...).WithDashboard() before MapChatBotDashboard().");
        }

        DashboardEndpoints.Map(endpoints);
        return endpoints;
    }
}
