using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using ChatBotKit.Events;
using ChatBotKit.Twitch.EventSub;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Benchmarks.Twitch;

/// <summary>
/// EventSub WebSocket texts into ChatEvents, the way a session hands them on: the frame parsed,
/// its message id checked against those seen, a Shared Chat copy dropped, the notification mapped
/// (user, roles from badges, text, reply, ids) and written to the event queue. The corpus is the one
/// <c>eventsub-bench.mjs gen</c> writes from the recorded frames (set TWITCH_EVENTSUB_FRAMES to it);
/// the same script times @twurple/eventsub-ws on the same file.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class EventSubParseBenchmarks
{
    private const int CorpusSize = 10_000;
    private readonly CountingWriter _events = new();
    private string[] _frames = [];

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Environment.GetEnvironmentVariable("TWITCH_EVENTSUB_FRAMES");
        _frames = corpus is { Length: > 0 } && File.Exists(corpus)
            ? File.ReadAllLines(corpus)
            : throw new InvalidOperationException("Set TWITCH_EVENTSUB_FRAMES to the corpus (node eventsub-bench.mjs gen tests/testdata/twitch frames.jsonl 10000).");
        if (_frames.Length != CorpusSize)
        {
            throw new InvalidOperationException($"The corpus has {_frames.Length} frames; OperationsPerInvoke assumes {CorpusSize}.");
        }
    }

    /// <summary>One pass over the corpus with a fresh router (as a new source starts with); divide by the frame count for one frame.</summary>
    [Benchmark(OperationsPerInvoke = CorpusSize)]
    public long RouteCorpus()
    {
        var before = _events.Written;
        var router = new EventSubRouter(_events, _ => null, NullLogger.Instance);
        foreach (var text in _frames)
        {
            if (EventSubFrame.Parse(text, out _) is { } frame)
            {
                router.Route(frame);
            }
        }

        return _events.Written - before;
    }

    // The event queue, counting what arrives instead of keeping it.
    private sealed class CountingWriter : ChannelWriter<ChatEvent>
    {
        public long Written { get; private set; }

        public override bool TryWrite(ChatEvent item)
        {
            Written++;
            return true;
        }

        public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(true);
    }
}
