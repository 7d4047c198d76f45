using System.Diagnostics;
using System.Runtime.CompilerServices;
using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.RateLimiting;
using ChatBotKit.Sources;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Benchmarks.AI;

/// <summary>
/// When the first chat message of a streamed reply goes out: a fake LLM streams a three-sentence
/// reply word by word at 30 tokens a second on the real clock, the platform fits one sentence per
/// message, and each run records the time from the mention to the first send, to the model's last
/// token and to the last send.
/// </summary>
internal static class FirstMessageHarness
{
    private const string Reply =
        "The blue route is faster because it skips the long ladder. " +
        "The red route is safer but it loses about four seconds. " +
        "I would take blue on a good run and red when nerves show.";

    public static async Task RunAsync(int runs)
    {
        var model = new PacedChatClient(Reply, tokensPerSecond: 30);
        var definition = new ChatBotBuilder("kit")
            .UseChatClient(model)
            .OnMention()
            .WithRateLimits(RateLimitPolicy.Unlimited)
            .WithLoopLimits(ReplyLoopLimits.Off)
            .WithFilters(f => f with { MaxParts = 3, DuplicateLookback = 0 })
            .Build();
        var sends = new List<long>();
        var source = new SinkSource { Limits = PlatformLimits.Default with { MaxMessageLength = 60 }, Sent = _ => { lock (sends) { sends.Add(Stopwatch.GetTimestamp()); } } };
        await using var engine = new ChatBotEngine(definition);
        var first = new List<double>();
        var lastToken = new List<double>();
        var last = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            lock (sends)
            {
                sends.Clear();
            }

            var start = Stopwatch.GetTimestamp();
            engine.Post(new MessageReceived { Platform = ChatPlatform.Twitch, Channel = "c", User = ChatUser.Named($"viewer{run}"), Text = "kit which route?", Timestamp = DateTimeOffset.UtcNow }, source);
            await engine.WhenIdleAsync().ConfigureAwait(false);
            lock (sends)
            {
                if (sends.Count != 3)
                {
                    throw new InvalidOperationException($"{sends.Count} messages, not 3");
                }

                first.Add(Stopwatch.GetElapsedTime(start, sends[0]).TotalMilliseconds);
                last.Add(Stopwatch.GetElapsedTime(start, sends[^1]).TotalMilliseconds);
            }

            lastToken.Add(Stopwatch.GetElapsedTime(start, model.LastToken).TotalMilliseconds);
        }

        Console.WriteLine($"{model.Tokens} tokens at 30 tokens/s, {runs} runs, median (min–max) from the mention:");
        Console.WriteLine($"  first chat message sent: {Median(first):0.0} ms ({first.Min():0.0}–{first.Max():0.0})");
        Console.WriteLine($"  model's last token:      {Median(lastToken):0.0} ms ({lastToken.Min():0.0}–{lastToken.Max():0.0})");
        Console.WriteLine($"  last chat message sent:  {Median(last):0.0} ms ({last.Min():0.0}–{last.Max():0.0})");
        Console.WriteLine($"  first sentence ends at token {model.FirstSentenceTokens}, i.e. {model.FirstSentenceTokens * 1000.0 / 30:0} ms of streaming");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>Streams a fixed reply one word at a time, one token every 1/<c>tokensPerSecond</c> s.</summary>
    private sealed class PacedChatClient(string reply, int tokensPerSecond) : IChatClient
    {
        private readonly string[] _tokens = [.. reply.Split(' ').Select((word, i) => i == 0 ? word : " " + word)];

        public int Tokens => _tokens.Length;

        public int FirstSentenceTokens => Array.FindIndex(_tokens, t => t.EndsWith('.')) + 1;

        public long LastToken { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < _tokens.Length; i++)
            {
                // Paced against the start, so that timer slack does not add up over the reply.
                var due = TimeSpan.FromSeconds((i + 1) / (double)tokensPerSecond) - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken).ConfigureAwait(false);
                }

                LastToken = Stopwatch.GetTimestamp();
                yield return new ChatResponseUpdate(ChatRole.Assistant, _tokens[i]);
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
