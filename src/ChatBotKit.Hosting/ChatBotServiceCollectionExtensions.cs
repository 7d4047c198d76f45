using ChatBotKit.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers bots in a .NET host: the same <see cref="ChatBotKit.ChatBotBuilder"/> a <c>bot.csx</c> uses.</summary>
public static class ChatBotServiceCollectionExtensions
{
    /// <summary>The key of a bot registered without one.</summary>
    public const string DefaultKey = "default";

    /// <summary>The time the host gives running bots to finish replies and close connections on shutdown.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(35);

    /// <summary>Registers the bot <see cref="DefaultKey"/>. See <see cref="AddChatBot(IServiceCollection, string, Action{ChatBotKit.ChatBotBuilder}?)"/>.</summary>
    public static ChatBotKit.ChatBotBuilder AddChatBot(this IServiceCollection services, Action<ChatBotKit.ChatBotBuilder>? configure = null) =>
        services.AddChatBot(DefaultKey, configure);

    /// <summary>
    /// Registers a bot under <paramref name="key"/> and runs it as a background service. Returns the
    /// builder, which may be configured further until the host starts; the definition is built and
    /// validated at start. The bot's LLM is the one the builder sets, else an <c>IChatClient</c>
    /// registered under <paramref name="key"/>, else an unkeyed one, else the offline responder.
    /// The running bot is a keyed <see cref="ChatBotService"/>. A web app adds <c>app.MapChatBotEndpoints()</c> for <c>/health</c> and <c>/metrics</c>.
    /// </summary>
    public static ChatBotKit.ChatBotBuilder AddChatBot(this IServiceCollection services, string key, Action<ChatBotKit.ChatBotBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (services.Any(d => d.ServiceType == typeof(ChatBotService) && Equals(d.ServiceKey, key)))
        {
            throw new InvalidOperationException($"A bot with the key '{key}' is already registered.");
        }

        var builder = new ChatBotKit.ChatBotBuilder();
        configure?.Invoke(builder);
        var recipe = new ChatBotRecipe(configure, builder);
        services.TryAddSingleton<RunningChatBots>();
        services.TryAddSingleton<ChatBotReloader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HangupReloadService>());
        services.TryAddSingleton(sp => new ChatBotKit.Hosting.Health.ChatBotHealth(sp.GetRequiredService<RunningChatBots>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton(_ => new ChatBotKit.Hosting.Metrics.PrometheusExporter());
        if (!services.Any(d => d.ServiceType == typeof(ChatBotKit.Hosting.Http.ChatBotHttpService)))
        {
            services.AddSingleton<ChatBotKit.Hosting.Http.ChatBotHttpService>();
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ChatBotKit.Hosting.Http.ChatBotHttpService>());
        }

        services.Configure<HostOptions>(o => o.ShutdownTimeout = o.ShutdownTimeout < ShutdownTimeout ? ShutdownTimeout : o.ShutdownTimeout);
        services.AddKeyedSingleton(key, (sp, _) => new ChatBotService(key, builder, recipe, sp));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredKeyedService<ChatBotService>(key));
        return builder;
    }
}
