using System.Diagnostics.Metrics;
using ChatBotKit.Engine;
using ChatBotKit.Hosting.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBotKit.Hosting;

/// <summary>
/// Runs one bot registered with <c>AddChatBot</c> as a background service: builds the definition from
/// its <see cref="ChatBotDescription"/> at start (an invalid one stops start-up with the setting's
/// name), opens the declared sources, and on stop drains replies in flight before closing them.
/// </summary>
internal sealed class ChatBotService(string key, IServiceProvider services) : BackgroundService
{
    private readonly RunningChatBots _running = services.GetRequiredService<RunningChatBots>();
    private ChatBotRuntime? _runtime;

    /// <summary>The bot's key.</summary>
    public string Key { get; } = key;

    /// <summary>The running bot; <see langword="null"/> before start.</summary>
    public ChatBotRuntime? Runtime => _runtime;

    /// <summary>Describes the bot again by running its delegates (which read the configuration as it is now).</summary>
    /// <exception cref="ChatBotConfigurationException">The new description is invalid.</exception>
    public ChatBotDefinition Describe() => services.GetRequiredService<IOptionsMonitor<ChatBotDescription>>().Get(Key).Build();

    /// <summary>Puts a new definition in force; the task ends when the sources are reconciled (new channels joined, removed ones left).</summary>
    public Task SwapAsync(ChatBotDefinition definition, CancellationToken cancellationToken = default) =>
        (_runtime ?? throw new InvalidOperationException($"Bot '{Key}' has not started.")).SwapAsync(definition, cancellationToken);

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<IOptions<ChatBotHostingOptions>>().Value;
        var definition = Describe();

        // The exporter and health listen to the meters from now on, so they see the first events.
        _ = services.GetService<Metrics.PrometheusExporter>();
        _ = services.GetService<Health.ChatBotHealth>();
        var options = new ChatBotEngineOptions
        {
            LoggerFactory = services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
            MeterFactory = services.GetService<IMeterFactory>(),
            TimeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System,
            ShutdownTimeout = settings.ShutdownTimeout,
            ChatClient = definition.ChatClient is null ? services.GetKeyedService<IChatClient>(Key) ?? services.GetService<IChatClient>() : null,
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

        // A reload running now finishes first; none starts after this, so nothing swaps into a stopping bot.
        await services.GetRequiredService<ChatBotReloader>().CloseAsync().ConfigureAwait(false);
        if (_runtime is { } runtime)
        {
            _running.Remove(runtime);
            await runtime.DisposeAsync().ConfigureAwait(false);
        }
    }
}
