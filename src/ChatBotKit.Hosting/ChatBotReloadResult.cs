namespace ChatBotKit.Hosting;

/// <summary>What <see cref="ChatBotReloader.ReloadAsync"/> did.</summary>
public sealed record ChatBotReloadResult
{
    /// <summary>Whether the new configuration was valid and every bot now runs its new definition.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>Why the reload was refused (each problem with its key path and file, as at start-up); <see langword="null"/> on success.</summary>
    public string? Problem { get; init; }

    /// <summary>The keys of the bots that now run a new definition.</summary>
    public IReadOnlyList<string> Rebuilt { get; init; } = [];
}
