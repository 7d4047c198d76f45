using System.Text.Json;
using ChatBotKit.Events;
using ChatBotKit.Sources;

namespace ChatBotKit.Tests.Sources;

/// <summary>Builds chat log lines and reads a whole replay.</summary>
public static class ReplayLog
{
    /// <summary>A valid log line at <paramref name="seconds"/> after 2026-01-01T20:00:00Z.</summary>
    public static string Line(int seconds, string user, string text, string? id = null, string? channel = null, string? platform = null) =>
        JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["ts"] = Fakes.Events.Start.AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["platform"] = platform,
            ["channel"] = channel,
            ["user"] = user,
            ["text"] = text,
            ["id"] = id,
        }.Where(p => p.Value is not null).ToDictionary());

    public static string Join(params string[] lines) => string.Join('\n', lines) + "\n";

    public static async Task<List<MessageReceived>> ReadAllAsync(ReplayChatSource source)
    {
        await source.ConnectAsync();
        var events = await source.ReadEventsAsync().ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return [.. events.Cast<MessageReceived>()];
    }

    public static async Task<List<MessageReceived>> ReadAllAsync(string log, ReplayChatSourceOptions? options = null)
    {
        await using var source = new ReplayChatSource(new StringReader(log), (options ?? new ReplayChatSourceOptions()) with { Transcript = TextWriter.Null });
        return await ReadAllAsync(source);
    }
}
