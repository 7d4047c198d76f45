using System.CommandLine;
using System.Text.Json;
using ChatBotKit.Hosting.Interactions;

namespace ChatBotKit.Cli;

/// <summary>
/// <c>streambot export &lt;log-dir&gt; --format openai-chat</c>: turns the interaction log into a
/// fine-tuning data set in the chat format (one <c>{"messages":[system, user, assistant]}</c> per line),
/// keeping only the replies that drew engagement and were not deleted, with every viewer name replaced
/// by a stable pseudonym (<see cref="ViewerPseudonyms"/>). Writes to stdout or <c>--out</c>.
/// </summary>
internal static class ExportCommand
{
    public const string OpenAiChat = "openai-chat";

    public static Command Create(CliStreams io)
    {
        var folder = new Argument<DirectoryInfo>("log-dir") { Description = "The interaction log's folder (run --interaction-log)." };
        var format = new Option<string>("--format") { Description = "The data set's format.", Required = true };
        format.AcceptOnlyFromAmong(OpenAiChat);
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of stdout.", HelpName = "file" };
        var command = new Command("export", "Write the replies of the interaction log that drew engagement as a chat-format JSONL data set, viewer names replaced by stable pseudonyms.") { folder, format, output };
        command.SetAction((r, ct) => RunAsync(io, r.GetValue(folder)!, r.GetValue(output), ct));
        return command;
    }

    public static async Task<int> RunAsync(CliStreams io, DirectoryInfo folder, FileInfo? output, CancellationToken cancellationToken)
    {
        if (!folder.Exists)
        {
            io.Error.WriteLine($"streambot: {folder.FullName}: no such folder.");
            return StreambotApp.UsageError;
        }

        var pseudonyms = ViewerPseudonyms.For(folder);
        var records = new List<InteractionRecord>();
        var skipped = 0;
        foreach (var file in folder.EnumerateFiles("interactions-*.jsonl").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            foreach (var line in await File.ReadAllLinesAsync(file.FullName, cancellationToken).ConfigureAwait(false))
            {
                if (Parse(line) is { } record)
                {
                    records.Add(record);
                }
                else if (line.Length > 0)
                {
                    skipped++;
                }
            }
        }

        // Every viewer's name is known before the first line is written, so a name in any text is replaced.
        foreach (var user in records.Select(r => r.Event.User).OfType<string>())
        {
            pseudonyms.Of(user);
        }

        var engaged = records.Where(r => r.Engagement.Engaged && r.Event is { User: not null, Text: not null } && r.Replies.Count > 0).ToList();
        var writer = output is null ? io.Out : new StreamWriter(output.FullName);
        try
        {
            foreach (var record in engaged)
            {
                await writer.WriteLineAsync(Example(record, pseudonyms)).ConfigureAwait(false);
            }
        }
        finally
        {
            if (output is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
        }

        io.Status($"exported {engaged.Count} of {records.Count} interaction(s) that drew engagement{(skipped > 0 ? $"; skipped {skipped} line(s) that are not interactions" : "")}.");
        return StreambotApp.Ok;
    }

    private static InteractionRecord? Parse(string line)
    {
        try
        {
            return line.Length == 0 ? null : JsonSerializer.Deserialize<InteractionRecord>(line, InteractionLogWriter.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Example(InteractionRecord record, ViewerPseudonyms pseudonyms) =>
        JsonSerializer.Serialize(new
        {
            messages = new object[]
            {
                new { role = "system", content = $"You are {record.Bot}, a chat bot in the {record.Platform} live-stream chat." },
                new { role = "user", content = $"{pseudonyms.Of(record.Event.User!)}: {pseudonyms.Replace(record.Event.Text!)}" },
                new { role = "assistant", content = pseudonyms.Replace(string.Join(" ", record.Replies)) },
            },
        });
}
