using ChatBotKit.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Describes a bot registered with <c>AddChatBot</c>.</summary>
public static class ChatBotBuilderExtensions
{
    /// <summary>
    /// Adds <paramref name="configure"/> to the bot's description. The delegates run in the order added,
    /// on a new <see cref="ChatBotKit.ChatBotBuilder"/>, at start and again on every reload, so a delegate
    /// that reads the configuration sees its values as they are then.
    /// </summary>
    public static IChatBotBuilder Configure(this IChatBotBuilder builder, Action<ChatBotKit.ChatBotBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure<ChatBotDescription>(builder.Key, d => d.Steps.Add(configure));
        return builder;
    }

    /// <summary>Takes the bot's definition from <paramref name="source"/> instead of its delegates (the <c>streambot</c> tool's script).</summary>
    internal static IChatBotBuilder FromSource(this IChatBotBuilder builder, IChatBotDefinitionSource source)
    {
        builder.Services.AddKeyedSingleton(builder.Key, source);
        return builder;
    }

    /// <summary>Lets <paramref name="apply"/> have the last word on the bot's engine options.</summary>
    internal static IChatBotBuilder ConfigureEngine(this IChatBotBuilder builder, Func<ChatBotKit.Engine.ChatBotEngineOptions, ChatBotKit.ChatBotDefinition, ChatBotKit.Engine.ChatBotEngineOptions> apply)
    {
        builder.Services.AddKeyedSingleton(builder.Key, new ChatBotEngineSetup(apply));
        return builder;
    }
}
