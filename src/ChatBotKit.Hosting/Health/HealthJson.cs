namespace ChatBotKit.Hosting.Health;

/// <summary>The <c>/health</c> document.</summary>
internal sealed record HealthDocument(string Status, DateTimeOffset Checked, IReadOnlyList<BotHealth> Bots);

/// <summary>One bot in <c>/health</c>.</summary>
internal sealed record BotHealth(string Name, string Status, int Generation, long QueueDepth, IReadOnlyList<SourceHealth> Sources, LlmHealth Llm, IReadOnlyList<ChannelHealth> Channels, IReadOnlyList<PartHealth> Checks);

/// <summary>One declared source.</summary>
internal sealed record SourceHealth(string Name, string? Platform, string State, IReadOnlyList<string> Channels, long Events, double? LastEventAgeSeconds);

/// <summary>The LLM backend: reachability from the probe, level from recent calls (seed 004).</summary>
internal sealed record LlmHealth(string Backend, string Reachability, string? Detail, string Level, long Calls, double ErrorRate, double? MeanLatencySeconds);

/// <summary>One channel's queue.</summary>
internal sealed record ChannelHealth(string Platform, string Channel, int QueueDepth, long Dropped, int RepliesInFlight);

/// <summary>One health check the bot registered (its voice…): <c>healthy</c>, <c>degraded</c>, <c>unhealthy</c>, or <c>pending</c> until it first answered.</summary>
internal sealed record PartHealth(string Name, string Status, string? Description, IReadOnlyDictionary<string, object>? Data);
