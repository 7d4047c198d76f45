namespace ChatBotKit.AI;

/// <summary>The result of <see cref="LlmHealthProbe.CheckAsync"/>.</summary>
/// <param name="Status">What the probe found.</param>
/// <param name="BaseUrl">The server that was probed.</param>
/// <param name="Model">The model that was looked for.</param>
/// <param name="Models">The models the server listed (empty when it could not be read).</param>
/// <param name="Detail">A short human-readable explanation.</param>
public sealed record LlmHealthReport(LlmHealthStatus Status, Uri BaseUrl, string Model, IReadOnlyList<string> Models, string Detail);
