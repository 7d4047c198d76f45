using Microsoft.Extensions.DependencyInjection;

namespace ChatBotKit.Hosting;

/// <summary>The bots registered with <c>AddChatBot</c>, in registration order, each as its keyed <see cref="ChatBotService"/>.</summary>
internal sealed class ChatBotRegistry(IServiceProvider services, IEnumerable<ChatBotRegistration> registrations)
{
    public IEnumerable<ChatBotService> Bots => registrations.Select(r => services.GetRequiredKeyedService<ChatBotService>(r.Key));
}
