using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Hosting.Interactions;

/// <summary>
/// Appends interaction lines to <c>interactions-YYYY-MM-DD.jsonl</c> (UTC day of the reply) and, when a
/// new day's file starts, deletes the files older than the retention. A write that fails is logged and
/// the line lost; the bot goes on.
/// </summary>
internal sealed partial class InteractionLogWriter(InteractionLogOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>How lines are written (and read by <c>streambot export</c>).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Prefix = "interactions-";
    private string? _lastFile;

    /// <summary>The file of <paramref name="day"/>.</summary>
    public static string FileName(DateTimeOffset day) => $"{Prefix}{day.UtcDateTime:yyyy-MM-dd}.jsonl";

    public async Task RunAsync(ChannelReader<InteractionRecord> lines)
    {
        await foreach (var line in lines.ReadAllAsync().ConfigureAwait(false))
        {
            var file = Path.Combine(options.Directory, FileName(line.Ts));
            try
            {
                if (file != _lastFile)
                {
                    _lastFile = file;
                    Prune();
                }

                await File.AppendAllTextAsync(file, JsonSerializer.Serialize(line, Json) + "\n").ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                WriteFailed(logger, e, file);
            }
        }
    }

    private void Prune()
    {
        var oldest = time.GetUtcNow().UtcDateTime.Date.AddDays(-options.RetentionDays);
        foreach (var file in Directory.EnumerateFiles(options.Directory, Prefix + "*.jsonl"))
        {
            var date = Path.GetFileNameWithoutExtension(file)[Prefix.Length..];
            if (DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day) && day < oldest)
            {
                File.Delete(file);
            }
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Could not write the interaction log {File}; the line is lost.")]
    private static partial void WriteFailed(ILogger logger, Exception exception, string file);
}
