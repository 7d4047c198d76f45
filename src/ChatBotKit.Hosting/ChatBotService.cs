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
    private ChatBotRuntime? _runtime;

    /// <summary>Creates the service for the bot <paramref name="key"/> described by <paramref name="builder"/>.</summary>
    public ChatBotService(string key, ChatBotBuilder builder, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(services);
        Key = key;
        _builder = builder;
        _services = services;
        _running = services.GetRequiredService<RunningChatBots>();
    }

    /// <summary>The bot's key.</summary>
    public string Key { get; }

    /// <summary>The running bot; <see langword="null"/> before start.</summary>
    public ChatBotRuntime? Runtime => _runtime;

    /// <summary>Puts a new definition in force (for example after a configuration reload); the sources are reconciled.</summary>
    public void Swap(ChatBotDefinition definition) =>
        (_runtime ?? throw new InvalidOperationException($"Bot '{Key}' has not started.")).Swap(definition);

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
        if (_runtime is { } runtime)
        {
            _running.Remove(runtime);
            await runtime.DisposeAsync().ConfigureAwait(false);
        }
    }
}
