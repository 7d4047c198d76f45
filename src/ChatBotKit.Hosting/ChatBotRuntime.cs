using ChatBotKit.Engine;
using ChatBotKit.Sources;

namespace ChatBotKit.Hosting;

/// <summary>
/// One running bot: its engine and its declared sources. <see cref="Swap"/> puts a new definition in
/// force and reconciles the sources; <see cref="DisposeAsync"/> shuts down in order: stop reading,
/// let replies in flight finish (up to <see cref="ChatBotEngineOptions.ShutdownTimeout"/>) and send,
/// then close the connections.
/// </summary>
internal sealed class ChatBotRuntime : IAsyncDisposable
{
    private readonly bool _opensDeclaredSources;
    private int _disposed;

    /// <summary>Creates the engine for <paramref name="definition"/>; no source is opened until <see cref="StartAsync"/>.</summary>
    /// <param name="name">The bot's key in the host, shown in health and logs.</param>
    /// <param name="definition">The first definition.</param>
    /// <param name="engineOptions">Engine options (logging, clock, LLM override).</param>
    /// <param name="sourceContext">What each created source gets; defaults follow <paramref name="engineOptions"/>.</param>
    /// <param name="opensDeclaredSources">Whether the definitions' declared sources are opened; when not, the caller pumps its own through <see cref="Sources"/>.</param>
    public ChatBotRuntime(string name, ChatBotDefinition definition, ChatBotEngineOptions? engineOptions = null, ChatSourceContext? sourceContext = null, bool opensDeclaredSources = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _opensDeclaredSources = opensDeclaredSources;
        var options = engineOptions ?? new ChatBotEngineOptions();
        Engine = new ChatBotEngine(definition, options);
        Sources = new ChatSourceRunner(Engine, sourceContext ?? new ChatSourceContext
        {
            LoggerFactory = options.LoggerFactory,
            TimeProvider = options.TimeProvider,
            MeterFactory = options.MeterFactory,
        });
    }

    /// <summary>The bot's key in the host.</summary>
    public string Name { get; }

    /// <summary>The engine.</summary>
    public ChatBotEngine Engine { get; }

    /// <summary>The declared sources.</summary>
    public ChatSourceRunner Sources { get; }

    /// <summary>Opens the sources the current definition declares.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => Sources.ApplyAsync(Declared(Engine.Definition), cancellationToken);

    /// <summary>Puts <paramref name="definition"/> in force and reconciles the sources in the background (the runtime owns that work).</summary>
    public void Swap(ChatBotDefinition definition) => _ = SwapAsync(definition);

    /// <summary>
    /// Puts <paramref name="definition"/> in force at once and reconciles the sources; the task ends when
    /// new sources and channels are open and removed ones closed (a source that fails is logged, not thrown).
    /// </summary>
    public Task SwapAsync(ChatBotDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Engine.SwapDefinition(definition);
        return Sources.ApplyAsync(Declared(definition), cancellationToken);
    }

    private IReadOnlyList<ChatSourceRegistration> Declared(ChatBotDefinition definition) => _opensDeclaredSources ? definition.Sources : [];

    /// <summary>Stops reading, drains the engine, closes the sources.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Sources.StopReadingAsync().ConfigureAwait(false);
        await Engine.DisposeAsync().ConfigureAwait(false);
        await Sources.DisposeAsync().ConfigureAwait(false);
    }
}
