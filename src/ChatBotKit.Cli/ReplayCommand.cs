using ChatBotKit.Engine;
using ChatBotKit.Hosting;
using ChatBotKit.Sources;
using ChatBotKit.Time;

namespace ChatBotKit.Cli;

/// <summary>
/// <c>streambot replay</c>: feeds a chat log through the script's bot and writes one transcript
/// line per sent message to stdout, and nothing else there. As fast as possible on a virtual
/// clock with a fixed seed (the same log gives the same transcript), or at the log's pace with
/// <c>--realtime</c>.
/// </summary>
internal static class ReplayCommand
{
    public static async Task<int> RunAsync(CommandContext context, FileInfo script, FileInfo chatLog, LlmSelection llm, bool realtime, string? http, FileInfo? config, CancellationToken cancellationToken)
    {
        if (!chatLog.Exists)
        {
            throw new UsageException($"{chatLog.FullName}: no such chat log.");
        }

        var io = context.IO;
        var configuration = CliConfiguration.Load(script, config);
        using var loggerFactory = context.CreateLoggerFactory();
        using var generation = await context.CreateHost(loggerFactory, configuration.Values).LoadAsync(script.FullName, cancellationToken).ConfigureAwait(false);
        var definition = generation.Definition;
        var clock = realtime ? null : new VirtualClock(FirstTimestamp(chatLog.FullName) ?? DateTimeOffset.UnixEpoch);
        var options = context.EngineOptions(loggerFactory, llm, definition, configuration) with
        {
            TimeProvider = clock ?? TimeProvider.System,
            RandomSeed = 1,
            ProcessSequentially = !realtime,
        };
        await using var endpoints = await CliHttp.StartAsync(configuration.Http(http, null), null, io, cancellationToken).ConfigureAwait(false);
        await using var runtime = new ChatBotRuntime(definition.Identity.Name, definition, options);
        endpoints.Add(runtime);
        var sourceOptions = new ReplayChatSourceOptions { Clock = clock, Pace = realtime ? TimeProvider.System : null, Transcript = io.Out, LoggerFactory = loggerFactory, InputName = chatLog.FullName };
        await using var replay = new ReplayChatSource(chatLog.FullName, sourceOptions);
        await generation.StartAsync(loggerFactory.CreateLogger("Script"), cancellationToken).ConfigureAwait(false);
        try
        {
            await runtime.Sources.RunAsync([replay], cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await generation.StopAsync(loggerFactory.CreateLogger("Script"), CancellationToken.None).ConfigureAwait(false);
        return StreambotApp.Ok;
    }

    // The virtual clock only moves forward, so it starts at the log's first timestamp.
    private static DateTimeOffset? FirstTimestamp(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (ChatLogLine.TryParse(line, out var entry, out _))
            {
                return entry.Timestamp;
            }
        }

        return null;
    }
}
