namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What <see cref="ChatBotServiceCollectionExtensions.AddChatBot(IServiceCollection, string, Action{ChatBotKit.ChatBotBuilder}?)"/>
/// returns: the bot's key and the app's services, for extension methods that describe the bot
/// further (<see cref="ChatBotBuilderExtensions.Configure"/>) or add to its host (<c>WithHttpEndpoints()</c>
/// in <c>ChatBotKit.Hosting.AspNetCore</c>).
/// </summary>
public interface IChatBotBuilder
{
    /// <summary>The bot's key.</summary>
    string Key { get; }

    /// <summary>The app's services.</summary>
    IServiceCollection Services { get; }
}
