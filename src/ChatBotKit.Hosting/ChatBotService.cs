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
/// its <see cref="IChatBotDefinitionSource"/> at start (an invalid one stops start-up with the setting's
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

    /// <summary>Where the bot's definition comes from: a registered source, else its delegates.</summary>
    public IChatBotDefinitionSource Source =>
        services.GetKeyedService<IChatBotDefinitionSource>(Key) ?? services.GetRequiredService<IOptionsMonitor<ChatBotDescription>>().Get(Key);

    /// <summary>Puts a new definition in force; the task ends when the sources are reconciled (new channels joined, removed ones left).</summary>
    public Task SwapAsync(ChatBotDefinition definition, CancellationToken cancellationToken = default) =>
        (_runtime ?? throw new InvalidOperationException($"Bot '{Key}' has not started.")).SwapAsync(definition, cancellationToken);

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<IOptions<ChatBotHostingOptions>>().Value;
        var source = Source;
        var definition = await source.BuildAsync(cancellationToken).ConfigureAwait(false);

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
        options = services.GetKeyedService<ChatBotEngineSetup>(Key)?.Apply(options, definition) ?? options;
        if (services.GetServices<IChatBotDecisionTap>().Select(t => t.For(Key)).ToList() is { Count: > 0 } taps)
        {
            options = options with { DecisionListeners = [.. options.DecisionListeners, .. taps] };
        }

        _runtime = new ChatBotRuntime(Key, definition, options, opensDeclaredSources: source.OpensDeclaredSources);
        await source.CommitAsync(definition, cancellationToken).ConfigureAwait(false);
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
