namespace ChatBotKit.Hosting;

/// <summary>
/// How a bot is described: the delegates given to <c>AddChatBot</c> and <c>Configure</c>, kept as named
/// options under the bot's key. <see cref="Build"/> runs them on a new builder, so start-up and every
/// reload describe the bot the same way, from the configuration as it is then.
/// </summary>
internal sealed class ChatBotDescription : IChatBotDefinitionSource
{
    public List<Action<ChatBotBuilder>> Steps { get; } = [];

    /// <summary>Runs the delegates on a new builder and validates the result.</summary>
    /// <exception cref="ChatBotConfigurationException">A setting is invalid.</exception>
    public ChatBotDefinition Build()
    {
        var builder = new ChatBotBuilder();
        foreach (var step in Steps)
        {
            step(builder);
        }

        return builder.Build();
    }

    /// <inheritdoc />
    public Task<ChatBotDefinition> BuildAsync(CancellationToken cancellationToken) => Task.FromResult(Build());
}
