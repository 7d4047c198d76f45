using System.Diagnostics.Metrics;
using ChatBotKit.Engine;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Hosting;

/// <summary>
/// Runs one bot registered with <see cref="ChatBotServiceCollectionExtensions.AddChatBot(IServiceCollection, string, Action{ChatBotBuilder}?)"/>
/// as a background service: builds the definition at start (an invalid one stops start-up with the
/// setting's name, and so does invalid configuration: see <see cref="Configuration.ChatBotConfiguration"/>), opens the declared sources, and on stop drains replies in flight before closing them.
/// </summary>
public sealed class ChatBotService : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly ChatBotBuilder _builder;
    private readonly RunningChatBots _running;
    private readonly ChatBotRecipe? _recipe;
    private readonly ChatBotReloader? _reloader;
    private ChatBotRuntime? _runtime;

    /// <summary>Creates the service for the bot <paramref name="key"/> described by <paramref name="builder"/>; a reload keeps its definition.</summary>
    public ChatBotService(string key, ChatBotBuilder builder, IServiceProvider services)
        : this(key, builder, null, services)
    {
    }

    internal ChatBotService(string key, ChatBotBuilder builder, ChatBotRecipe? recipe, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(services);
        Key = key;
        _builder = builder;
        _recipe = recipe;
        _services = services;
        _running = services.GetRequiredService<RunningChatBots>();
        _reloader = services.GetService<ChatBotReloader>();
    }

    /// <summary>The bot's key.</summary>
    public string Key { get; }

    /// <summary>The running bot; <see langword="null"/> before start.</summary>
    public ChatBotRuntime? Runtime => _runtime;

    /// <summary>Puts a new definition in force; the sources are reconciled in the background. <see cref="ChatBotReloader"/> does this on a reload.</summary>
    public void Swap(ChatBotDefinition definition) => _ = SwapAsync(definition);

    /// <summary>Puts a new definition in force; the task ends when the sources are reconciled (new channels joined, removed ones left).</summary>
    public Task SwapAsync(ChatBotDefinition definition, CancellationToken cancellationToken = default) =>
        (_runtime ?? throw new InvalidOperationException($"Bot '{Key}' has not started.")).SwapAsync(definition, cancellationToken);

    /// <summary>
    /// Describes the bot again by re-running the delegate given to <c>AddChatBot</c> (which reads the
    /// configuration as it is now); <see langword="null"/> with <paramref name="whyNot"/> when it cannot be.
    /// </summary>
    /// <exception cref="ChatBotConfigurationException">The new description is invalid.</exception>
    internal ChatBotDefinition? Rebuild(out string? whyNot)
    {
        if (_recipe is null)
        {
            whyNot = "it was not registered by AddChatBot";
            return null;
        }

        whyNot = _recipe.WhyNotRebuildable;
        return whyNot is null ? _recipe.Build() : null;
    }

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = _services.GetService<Microsoft.Extensions.Configuration.IConfiguration>() is { } configuration
            ? Configuration.ChatBotConfiguration.Load(configuration)
            : new Configuration.ChatBotHostingOptions();
        var definition = _builder.Build();

        // The exporter and health listen to the meters from now on, so they see the first events.
        _ = _services.GetService<Metrics.PrometheusExporter>();
        _ = _services.GetService<Health.ChatBotHealth>();
        var loggerFactory = _services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        var options = new ChatBotEngineOptions
        {
            LoggerFactory = loggerFactory,
            MeterFactory = _services.GetService<IMeterFactory>(),
            TimeProvider = _services.GetService<TimeProvider>() ?? TimeProvider.System,
            ShutdownTimeout = settings.ShutdownTimeout,
            ChatClient = definition.ChatClient is null ? _services.GetKeyedService<IChatClient>(Key) ?? _services.GetService<IChatClient>() : null,
        };
        _runtime = new ChatBotRuntime(Key, definition, options);
        await _runtime.StartAsync(cancellationToken).ConfigureAwait(false);
        _running.Add(_runtime);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_reloader is not null)
        {
            // A reload running now finishes first; none starts after this, so nothing swaps into a stopping bot.
            await _reloader.CloseAsync().ConfigureAwait(false);
        }

        if (_runtime is { } runtime)
        {
            _running.Remove(runtime);
            await runtime.DisposeAsync().ConfigureAwait(false);
        }
    }
}
