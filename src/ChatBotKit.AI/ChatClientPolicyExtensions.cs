using Microsoft.Extensions.AI;

namespace ChatBotKit.AI;

/// <summary>Starts a <see cref="ChatClientPolicyBuilder"/> from any chat client.</summary>
public static class ChatClientPolicyExtensions
{
    /// <summary>Wraps <paramref name="client"/> in the policies <paramref name="configure"/> asks for.</summary>
    public static IChatClient WithPolicies(this IChatClient client, Func<ChatClientPolicyBuilder, ChatClientPolicyBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return configure(new ChatClientPolicyBuilder(client)).Build();
    }
}
