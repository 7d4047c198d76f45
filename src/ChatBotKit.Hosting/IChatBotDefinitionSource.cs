namespace ChatBotKit.Hosting;

/// <summary>
/// Where a bot's definition comes from, at start and on every reload: the delegates given to
/// <c>AddChatBot</c> (<see cref="ChatBotDescription"/>), or a compiled script (the <c>streambot</c> tool).
/// <see cref="BuildAsync"/> makes a candidate; the reloader then either puts it in force and calls
/// <see cref="CommitAsync"/>, or refuses the reload and calls <see cref="Discard"/>.
/// </summary>
internal interface IChatBotDefinitionSource
{
    /// <summary>
    /// Whether the host opens the sources the definitions declare (yes by default). The <c>streambot</c>
    /// tool says no when the bot chats on its console: it pumps that source itself, and a reload that
    /// declares sources must not open them.
    /// </summary>
    bool OpensDeclaredSources => true;

    /// <summary>Builds a candidate definition; throws when it is invalid (the running one is kept).</summary>
    Task<ChatBotDefinition> BuildAsync(CancellationToken cancellationToken);

    /// <summary>The candidate <paramref name="definition"/> is now in force (at start, or after a reload swapped it in).</summary>
    Task CommitAsync(ChatBotDefinition definition, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The candidate <paramref name="definition"/> was not put in force (another part of the reload failed).</summary>
    void Discard(ChatBotDefinition definition)
    {
    }
}
