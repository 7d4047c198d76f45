using ChatBotKit.Engine;
using ChatBotKit.Sources;
using ChatBotKit.Time;
using HelloBot;
using Microsoft.Extensions.Logging;

// dotnet run --project samples/HelloBot                         chat on the console: lines "name: text"
// dotnet run --project samples/HelloBot -- --replay chat.jsonl  replay a chat log, print the transcript (JSONL)
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

// Logs go to stderr so that stdout carries only the bot's messages (and the transcript in replay).
using var loggerFactory = LoggerFactory.Create(logging => logging
    .SetMinimumLevel(LogLevel.Warning)
    .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
    .AddSimpleConsole(o => o.SingleLine = true));

switch (args)
{
    case ["--replay", var path]:
        return await ReplayAsync(path);
    case []:
        await ChatAsync();
        return 0;
    default:
        Console.Error.WriteLine("usage: HelloBot [--replay <chat.jsonl>]");
        return 2;
}

async Task ChatAsync()
{
    Console.Error.WriteLine("kit is listening (offline responder). Type 'name: text', e.g. 'alice: hi @kit' or 'bob: !dice'. Ctrl+D ends.");
    var options = new ChatBotEngineOptions { LoggerFactory = loggerFactory, DecisionListeners = [new QuietReasons(Console.Error)] };
    await using var engine = new ChatBotEngine(HelloBotDefinition.Build(), options);
    await using var console = new ConsoleChatSource(new ConsoleChatSourceOptions { BotName = "kit", LoggerFactory = loggerFactory });
    await RunUntilCancelledAsync(engine, console);
}

async Task<int> ReplayAsync(string path)
{
    if (!File.Exists(path))
    {
        Console.Error.WriteLine($"{path}: no such chat log");
        return 1;
    }

    var clock = new VirtualClock(FirstTimestamp(path) ?? DateTimeOffset.UnixEpoch);
    var options = new ChatBotEngineOptions
    {
        LoggerFactory = loggerFactory,
        TimeProvider = clock,
        RandomSeed = 1,
        ProcessSequentially = true,
        DecisionListeners = [new QuietReasons(Console.Error)],
    };
    await using var engine = new ChatBotEngine(HelloBotDefinition.Build(), options);
    await using var replay = new ReplayChatSource(path, new ReplayChatSourceOptions { Clock = clock, Transcript = Console.Out, LoggerFactory = loggerFactory });
    await RunUntilCancelledAsync(engine, replay);
    return 0;
}

async Task RunUntilCancelledAsync(ChatBotEngine engine, IChatSource source)
{
    try
    {
        await engine.RunAsync([source], cancel.Token);
    }
    catch (OperationCanceledException) when (cancel.IsCancellationRequested)
    {
    }
}

// The virtual clock only moves forward, so it starts at the log's first timestamp.
static DateTimeOffset? FirstTimestamp(string path)
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
