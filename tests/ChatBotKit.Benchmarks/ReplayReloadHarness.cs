using System.Collections.Concurrent;
using System.Diagnostics;
using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.Scripting;

namespace ChatBotKit.Benchmarks;

/// <summary>
/// Zero loss across hot reloads: chat messages are fed to the engine at a fixed rate while the
/// script is saved again (real file watcher, compile, swap) several times mid-stream. Every
/// message must get exactly one decision, none may be dropped, and every <c>!version</c>
/// command must be answered — by the generation in force when it was handled.
/// </summary>
internal static class ReplayReloadHarness
{
    public static async Task RunAsync(int messagesPerSecond, int seconds, int reloads)
    {
        var folder = Directory.CreateTempSubdirectory("streambot-replay-reload-").FullName;
        try
        {
            var path = Path.Combine(folder, "bot.csx");
            File.WriteAllText(path, Script(0));
            var compiler = new ScriptCompiler(new PresetLocator(Path.Combine(AppContext.BaseDirectory, "scripts", "presets")));
            compiler.WarmUp();
            var host = new ScriptHost(compiler);
            var first = await host.LoadAsync(path);
            var decisions = new DecisionCounter();
            var options = new ChatBotEngineOptions { ChatClient = new InstantChatClient(), DecisionListeners = [decisions] };
            await using var engine = new ChatBotEngine(first.Definition, options);
            await using var reloader = new ScriptReloader(host, first, engine.SwapDefinition);
            var reloaded = new SemaphoreSlim(0);
            reloader.Reloaded += _ => reloaded.Release();
            reloader.Failed += e => Console.Error.WriteLine(e.Message);
            reloader.Watch();
            var versions = new ConcurrentDictionary<string, int>();
            var source = new SinkSource { Sent = m => versions.AddOrUpdate(VersionOf(m.Text), 1, (_, n) => n + 1) };

            var total = messagesPerSecond * seconds;
            var messages = Messages(total);
            var posted = 0;
            var clock = Stopwatch.StartNew();
            var feed = Task.Run(async () =>
            {
                while (posted < total)
                {
                    var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * messagesPerSecond));
                    for (; posted < due; posted++)
                    {
                        engine.Post(messages[posted], source);
                    }

                    await Task.Delay(1);
                }
            });
            var swaps = 0;
            for (var r = 1; r <= reloads; r++)
            {
                while (Volatile.Read(ref posted) < (long)total * r / (reloads + 1))
                {
                    await Task.Delay(5);
                }

                File.WriteAllText(path, Script(r));
                swaps += await reloaded.WaitAsync(TimeSpan.FromSeconds(30)) ? 1 : 0;
            }

            await feed;
            var feedSeconds = clock.Elapsed.TotalSeconds;
            await engine.WhenIdleAsync();
            var commands = messages.Count(m => m.Text == "!version");
            Console.WriteLine($"fed {total:N0} messages in {feedSeconds:F2} s ({total / feedSeconds:F0} msg/s), {swaps} of {reloads} reloads live mid-stream");
            Console.WriteLine($"decisions {decisions.Total:N0} (lost {total - decisions.Total}), dropped {decisions.Of(DecisionOutcome.Dropped)}, outcomes: {decisions}");
            versions.TryRemove("llm", out var llmReplies);
            Console.WriteLine($"!version commands {commands:N0}, answered {versions.Values.Sum():N0}; LLM replies {llmReplies:N0}");
            Console.WriteLine($"answers by generation: {string.Join(", ", versions.OrderBy(v => v.Key.Length).ThenBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"))}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string VersionOf(string reply) =>
        reply.Split(' ') is [['v', ..] version, ['m', ..], _] ? version : "llm";

    private static MessageReceived[] Messages(int count)
    {
        var users = Enumerable.Range(0, 500).Select(i => ChatUser.Named($"viewer{i}")).ToArray();
        var start = new DateTimeOffset(2026, 1, 1, 20, 0, 0, TimeSpan.Zero);
        return
        [
            .. Enumerable.Range(0, count).Select(i => new MessageReceived
            {
                Platform = ChatPlatform.Twitch,
                Channel = "channel0",
                User = users[i % users.Length],
                Text = i % 4 == 0 ? "!version" : i % 20 == 1 ? $"hey @kit, run {i}?" : $"that jump at {i % 97} was so clean",
                Id = $"m{i}",
                Timestamp = start.AddMilliseconds(i),
            }),
        ];
    }

    private static string Script(int version) => $$"""
        Bot.WithName("kit").WithAliases("kitbot").WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short);
        Bot.WithRateLimits(RateLimitPolicy.Unlimited);
        Bot.OnMention();
        Bot.OnCommand("version", ctx => $"v{{version}} {ctx.Message!.Id} {Guid.NewGuid():N}");
        """;

    private sealed class DecisionCounter : IDecisionListener
    {
        private readonly long[] _counts = new long[Enum.GetValues<DecisionOutcome>().Length];

        public long Total => _counts.Sum(c => Interlocked.Read(ref c));

        public long Of(DecisionOutcome outcome) => Interlocked.Read(ref _counts[(int)outcome]);

        public void OnDecision(in ChatDecision decision) => Interlocked.Increment(ref _counts[(int)decision.Outcome]);

        public override string ToString() => string.Join(", ", Enum.GetValues<DecisionOutcome>().Where(o => Of(o) > 0).Select(o => $"{o} {Of(o):N0}"));
    }
}
