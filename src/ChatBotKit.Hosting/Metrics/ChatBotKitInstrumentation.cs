using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatBotKit.Hosting.Metrics;

/// <summary>
/// Registers what ChatBotKit and the libraries under it measure on an OpenTelemetry provider, so
/// an app that exports through OpenTelemetry needs one call per provider instead of a list of names.
/// </summary>
public static class ChatBotKitInstrumentation
{
    /// <summary>The meter and activity source names: ChatBotKit's own (<c>ChatBotKit</c>, <c>ChatBotKit.*</c>), Microsoft.Extensions.AI's and NATS.Net's.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "ChatBotKit",
        "ChatBotKit.*",

        // Microsoft.Extensions.AI's OpenTelemetryChatClient (UseOpenTelemetry) unless given another source name.
        "Experimental.Microsoft.Extensions.AI",

        // NATS.Client.Core's NatsTelemetry: the same name for its meter and its activity source.
        "NATS.Net",
    ];

    /// <summary>Adds ChatBotKit's meters (engine, LLM, hosting, connectors), Microsoft.Extensions.AI's and NATS.Net's.</summary>
    /// <param name="builder">The meter provider builder.</param>
    /// <returns>The same builder.</returns>
    public static MeterProviderBuilder AddChatBotKitInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter([.. Names]);
    }

    /// <summary>Adds the activity sources of ChatBotKit, Microsoft.Extensions.AI and NATS.Net.</summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <returns>The same builder.</returns>
    public static TracerProviderBuilder AddChatBotKitInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource([.. Names]);
    }
}
