using ChatBotKit.Hosting;
using ChatBotKit.Hosting.Configuration;
using ChatBotKit.Hosting.Health;
using ChatBotKit.Hosting.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers bots in a .NET host: the same <see cref="ChatBotKit.ChatBotBuilder"/> a <c>bot.csx</c> uses.</summary>
public static class ChatBotServiceCollectionExtensions
{
    /// <summary>The key of a bot registered without one.</summary>
    public const string DefaultKey = "default";

    /// <summary>The time the host gives running bots to finish replies and close connections on shutdown.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(35);

    /// <summary>Registers the bot <see cref="DefaultKey"/>. See <see cref="AddChatBot(IServiceCollection, string, Action{ChatBotKit.ChatBotBuilder}?)"/>.</summary>
    public static IChatBotBuilder AddChatBot(this IServiceCollection services, Action<ChatBotKit.ChatBotBuilder>? configure = null) =>
        services.AddChatBot(DefaultKey, configure);

    /// <summary>
    /// Registers a bot under <paramref name="key"/> and runs it as a background service. The bot is
    /// described by <paramref name="configure"/> and any delegate added with
    /// <see cref="ChatBotBuilderExtensions.Configure"/>; they run at start and again on every reload
    /// (SIGHUP or <see cref="ChatBotReloader"/>). The bot's LLM is the one the builder sets, else an
    /// <c>IChatClient</c> registered under <paramref name="key"/>, else an unkeyed one, else the offline
    /// responder. The host's settings (<see cref="ChatBotHostingOptions"/>, section <c>ChatBotKit</c>)
    /// are validated at start. For <c>/health</c> and <c>/metrics</c>, see <c>ChatBotKit.Hosting.AspNetCore</c>.
    /// </summary>
    public static IChatBotBuilder AddChatBot(this IServiceCollection services, string key, Action<ChatBotKit.ChatBotBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (services.Any(d => d.ImplementationInstance is ChatBotRegistration r && r.Key == key))
        {
            throw new InvalidOperationException($"A bot with the key '{key}' is already registered.");
        }

        services.AddChatBotHosting();
        services.AddSingleton(new ChatBotRegistration(key));
        services.AddKeyedSingleton(key, (sp, _) => new ChatBotService(key, sp));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredKeyedService<ChatBotService>(key));
        var builder = new ChatBotServiceBuilder(key, services);
        return configure is null ? builder : builder.Configure(configure);
    }

    // What every bot shares: the registry, reload, health, metrics and the validated settings.
    private static void AddChatBotHosting(this IServiceCollection services)
    {
        services.TryAddSingleton<ChatBotRegistry>();
        services.TryAddSingleton<RunningChatBots>();
        services.TryAddSingleton(sp => new ChatBotReloader(sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HangupReloadService>());
        services.TryAddSingleton(sp => new ChatBotHealth(sp.GetRequiredService<RunningChatBots>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton(_ => new PrometheusExporter());
        if (!services.Any(d => d.ServiceType == typeof(ChatBotHostingOptionsSetup)))
        {
            services.AddSingleton<ChatBotHostingOptionsSetup>();
            services.AddSingleton<IConfigureOptions<ChatBotHostingOptions>>(sp => sp.GetRequiredService<ChatBotHostingOptionsSetup>());
            services.AddSingleton<IValidateOptions<ChatBotHostingOptions>>(sp => sp.GetRequiredService<ChatBotHostingOptionsSetup>());
            services.AddOptions<ChatBotHostingOptions>().ValidateOnStart();
        }

        services.Configure<HostOptions>(o => o.ShutdownTimeout = o.ShutdownTimeout < ShutdownTimeout ? ShutdownTimeout : o.ShutdownTimeout);
    }

    private sealed class ChatBotServiceBuilder(string key, IServiceCollection services) : IChatBotBuilder
    {
        public string Key { get; } = key;

        public IServiceCollection Services { get; } = services;
    }
}
