using ChatBotKit.Hosting;
using ChatBotKit.Hosting.Interactions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Turns on the interaction log of the host's bots.</summary>
public static class InteractionLogBuilderExtensions
{
    /// <summary>
    /// Writes every reply of the host's bots, the event it answered and the engagement it drew within
    /// <see cref="InteractionLogOptions.EngagementWindow"/> to daily JSONL files in
    /// <see cref="InteractionLogOptions.Directory"/>, and counts them in <c>chatbotkit.interactions</c>.
    /// </summary>
    public static IChatBotBuilder WithInteractionLog(this IChatBotBuilder builder, InteractionLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Services.TryAddSingleton(sp => new InteractionRecorder(
            options,
            sp.GetRequiredService<RunningChatBots>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(),
            (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("ChatBotKit.Interactions")));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatBotDecisionTap, InteractionRecorder>(sp => sp.GetRequiredService<InteractionRecorder>()));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InteractionRecorder>(sp => sp.GetRequiredService<InteractionRecorder>()));
        return builder;
    }
}
