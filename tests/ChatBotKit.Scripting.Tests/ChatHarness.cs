using System.Threading.Channels;
using ChatBotKit.Engine;
using ChatBotKit.Sources;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Scripting.Tests;

/// <summary>An engine on a console source fed line by line; each reply is read back as a line.</summary>
public sealed class ChatHarness : IAsyncDisposable, IDecisionListener
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly Channel<string> _input = Channel.CreateUnbounded<string>();
    private readonly Channel<string> _output = Channel.CreateUnbounded<string>();
    private readonly Channel<DecisionOutcome> _decisions = Channel.CreateUnbounded<DecisionOutcome>();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConsoleChatSource _source;
    private readonly Task _run;

    public ChatHarness(ChatBotDefinition definition, ILoggerFactory? loggerFactory = null)
    {
        Engine = new ChatBotEngine(definition, new ChatBotEngineOptions
        {
            RandomSeed = 1,
            DecisionListeners = [this],
            LoggerFactory = loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
        });
        _source = new ConsoleChatSource(new ConsoleChatSourceOptions
        {
            BotName = definition.Identity.Name,
            Input = new ChannelReaderText(_input.Reader),
            Output = new ChannelWriterText(_output.Writer),
        });
        _run = new ChatSourceRunner(Engine).RunAsync([_source], _stop.Token);
    }

    public ChatBotEngine Engine { get; }

    /// <summary>Sends a viewer line and returns the bot's next line.</summary>
    public async Task<string> SayAsync(string line)
    {
        _input.Writer.TryWrite(line);
        return await _output.Reader.ReadAsync().AsTask().WaitAsync(Patience);
    }

    /// <summary>Sends a viewer line and returns the engine's decision about it (for silent outcomes).</summary>
    public async Task<DecisionOutcome> DecideAsync(string line)
    {
        _input.Writer.TryWrite(line);
        return await _decisions.Reader.ReadAsync().AsTask().WaitAsync(Patience);
    }

    public void OnDecision(in ChatDecision decision)
    {
        if (decision.Outcome != DecisionOutcome.NoTrigger && decision.Outcome != DecisionOutcome.Ignored)
        {
            _decisions.Writer.TryWrite(decision.Outcome);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _input.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
        }

        await _source.DisposeAsync();
        await Engine.DisposeAsync();
        _stop.Dispose();
    }

    private sealed class ChannelReaderText(ChannelReader<string> lines) : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
            await lines.WaitToReadAsync(cancellationToken) && lines.TryRead(out var line) ? line : null;

        public override Task<string?> ReadLineAsync() => ReadLineAsync(CancellationToken.None).AsTask();

        // The console source reads on the thread pool with the blocking call.
        public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    private sealed class ChannelWriterText(ChannelWriter<string> lines) : TextWriter
    {
        private readonly System.Text.StringBuilder _line = new();

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_line)
            {
                if (value == '\n')
                {
                    lines.TryWrite(_line.ToString().TrimEnd('\r'));
                    _line.Clear();
                }
                else
                {
                    _line.Append(value);
                }
            }
        }
    }
}
