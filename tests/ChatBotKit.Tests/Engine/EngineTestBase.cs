using ChatBotKit.Engine;
using ChatBotKit.RateLimiting;
using ChatBotKit.Tests.Fakes;
using ChatBotKit.Time;

namespace ChatBotKit.Tests.Engine;

/// <summary>Shared set-up for engine tests: a virtual clock, a decision recorder and a fake LLM.</summary>
public abstract class EngineTestBase : IAsyncLifetime
{
    private readonly List<ChatBotEngine> _engines = [];

    protected VirtualClock Clock { get; } = new(Fakes.Events.Start);

    protected DecisionRecorder Decisions { get; } = new();

    private static readonly string[] Replies =
    [
        "Hello from the model!",
        "Speedruns are a great way to spend an evening.",
        "I think the blue route is faster, honestly.",
        "Remember to drink some water, chat.",
        "That boss looked tough but fair.",
        "No spoilers please, some of us are still playing!",
        "The soundtrack in this level is wonderful.",
        "Good luck on the next attempt!",
    ];

    private int _replies;

    protected EngineTestBase() =>
        Llm = new FakeChatClient((_, _) => Task.FromResult(Replies[(Interlocked.Increment(ref _replies) - 1) % Replies.Length]));

    /// <summary>The fake LLM; by default it answers with replies different enough to pass the duplicate filter.</summary>
    protected FakeChatClient Llm { get; }

    protected FakeChatSource Source { get; } = new();

    /// <summary>A bot named kit (alias kitbot) with the fake LLM and no rate limits.</summary>
    protected ChatBotBuilder Bot() =>
        new ChatBotBuilder("kit").WithAliases("kitbot").UseChatClient(Llm).WithRateLimits(RateLimitPolicy.Unlimited);

    protected ChatBotEngine Start(ChatBotDefinition definition, ChatBotEngineOptions? options = null)
    {
        var engine = new ChatBotEngine(definition, (options ?? new ChatBotEngineOptions()) with
        {
            TimeProvider = Clock,
            DecisionListeners = [Decisions],
            RandomSeed = options?.RandomSeed ?? 7,
        });
        _engines.Add(engine);
        return engine;
    }

    /// <summary>Waits until a decision matching <paramref name="predicate"/> was made.</summary>
    protected async Task<ChatDecision> WaitForDecisionAsync(Func<ChatDecision, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            foreach (var decision in Decisions.Decisions)
            {
                if (predicate(decision))
                {
                    return decision;
                }
            }

            await Task.Delay(5, timeout.Token);
        }
    }

    /// <summary>Waits until the fake LLM has received <paramref name="count"/> requests.</summary>
    protected async Task WaitForLlmRequestsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Llm.Requests.Count < count)
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var engine in _engines)
        {
            await engine.DisposeAsync();
        }
    }
}
