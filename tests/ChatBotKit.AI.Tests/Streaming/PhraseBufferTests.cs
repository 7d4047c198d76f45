using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChatBotKit.AI.Tests.Fakes;
using ChatBotKit.AI.Tests.Server;
using ChatBotKit.Streaming;
using ChatBotKit.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Tests.Streaming;

public sealed class PhraseBufferTests : ServerTestBase
{
    [Fact]
    public async Task ToPhrasesAsync_StreamFromFakeServer_YieldsSentences()
    {
        Server.StreamTokens = ["<think>", "plan", "</think>", "Hi", " chat", ".", " Good run", ",", " and", " good luck", "!"];
        using var client = TestClients.Client(Server);

        var phrases = await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]).ToPhrasesAsync().ToListAsync();

        phrases.Should().Equal("Hi chat.", "Good run,", "and good luck!");
    }

    [Fact]
    public async Task ToPhrasesAsync_NoBoundaryWithinMaxWait_EmitsWhatIsPending()
    {
        var clock = new ObservedClock();
        var tokens = Channel.CreateUnbounded<string>();
        var options = new PhraseBufferOptions { TimeProvider = clock };
        await using var phrases = tokens.Reader.ReadAllAsync().ToPhrasesAsync(options).GetAsyncEnumerator();

        tokens.Writer.TryWrite("so I was");
        var next = phrases.MoveNextAsync().AsTask();
        await clock.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(2));
        next.IsCompleted.Should().BeFalse();
        clock.Advance(TimeSpan.FromSeconds(2));

        (await next).Should().BeTrue();
        phrases.Current.Should().Be("so I was");
        tokens.Writer.TryWrite(" saying.");
        (await phrases.MoveNextAsync()).Should().BeTrue();
        phrases.Current.Should().Be("saying.");
    }

    [Fact]
    public async Task ToPhrasesAsync_Cancelled_StopsTheUpstreamEnumeration()
    {
        var upstream = new EndlessTokens();
        using var cts = new CancellationTokenSource();
        var seen = new List<string>();

        var act = async () =>
        {
            await foreach (var phrase in upstream.ReadAsync().ToPhrasesAsync(cancellationToken: cts.Token))
            {
                seen.Add(phrase);
                await cts.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        seen.Should().Equal("Token 0!");
        (await upstream.Stopped.Task).Should().BeTrue();
    }

    [Fact]
    public async Task ToPhrasesAsync_ConsumerStopsEarly_StopsTheUpstreamEnumeration()
    {
        var upstream = new EndlessTokens();

        var first = await upstream.ReadAsync().ToPhrasesAsync().FirstAsync();

        first.Should().Be("Token 0!");
        (await upstream.Stopped.Task).Should().BeTrue();
    }

    private sealed class EndlessTokens
    {
        public TaskCompletionSource<bool> Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async IAsyncEnumerable<string> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    yield return $"Token {i}!";
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                Stopped.TrySetResult(true);
            }
        }
    }
}
