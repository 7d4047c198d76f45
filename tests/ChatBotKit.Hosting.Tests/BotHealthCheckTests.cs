using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Hosting.Tests;

public sealed class BotHealthCheckTests
{
    [Fact]
    public async Task Health_BotHealthCheckDegraded_IsListedUnderTheBotAndDegradesIt()
    {
        var check = new ScriptedCheck(HealthCheckResult.Degraded("overlay is slow", data: new Dictionary<string, object> { ["latencyMs"] = 900 }));

        var (status, bot) = await GetHealthAsync(b => b.WithHealthCheck("overlay", check));

        status.Should().Be(HttpStatusCode.OK);
        bot.GetProperty("status").GetString().Should().Be("degraded");
        var part = bot.GetProperty("checks")[0];
        part.GetProperty("name").GetString().Should().Be("overlay");
        part.GetProperty("status").GetString().Should().Be("degraded");
        part.GetProperty("description").GetString().Should().Be("overlay is slow");
        part.GetProperty("data").GetProperty("latencyMs").GetInt32().Should().Be(900);
    }

    [Fact]
    public async Task Health_BotHealthCheckThrows_CountsAsItsFailureStatus()
    {
        var check = new ScriptedCheck(() => throw new InvalidOperationException("overlay gone"));

        var (status, bot) = await GetHealthAsync(b => b.WithHealthCheck("overlay", check));

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        bot.GetProperty("status").GetString().Should().Be("unhealthy");
        bot.GetProperty("checks")[0].GetProperty("status").GetString().Should().Be("unhealthy");
        bot.GetProperty("checks")[0].GetProperty("description").GetString().Should().Be("overlay gone");
    }

    [Fact]
    public async Task Health_SlowCheck_IsPendingWithoutHoldingThePageThenShowsItsResult()
    {
        var answer = new TaskCompletionSource<HealthCheckResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var check = new ScriptedCheck(() => answer.Task);

        await GetHealthAsync(b => b.WithHealthCheck("overlay", check, HealthStatus.Degraded), async http =>
        {
            var first = await BotAsync(http);
            first.GetProperty("status").GetString().Should().Be("healthy", "a check that has not answered yet changes nothing");
            first.GetProperty("checks")[0].GetProperty("status").GetString().Should().Be("pending");

            answer.SetResult(HealthCheckResult.Unhealthy("down"));
            var second = await BotAsync(http);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (second.GetProperty("checks")[0].GetProperty("status").GetString() == "pending")
            {
                await Task.Delay(10, timeout.Token);
                second = await BotAsync(http);
            }

            second.GetProperty("checks")[0].GetProperty("status").GetString().Should().Be("unhealthy");
            second.GetProperty("status").GetString().Should().Be("unhealthy");
            check.Calls.Should().Be(2, "no check started while the first one ran");
        });
    }

    private static async Task<(HttpStatusCode Status, JsonElement Bot)> GetHealthAsync(Action<ChatBotBuilder> configure)
    {
        (HttpStatusCode, JsonElement) result = default;
        await GetHealthAsync(configure, async http =>
        {
            using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            result = (response.StatusCode, json.RootElement.GetProperty("bots")[0].Clone());
        });
        return result;
    }

    private static async Task GetHealthAsync(Action<ChatBotBuilder> configure, Func<HttpClient, Task> test)
    {
        var (app, http, source) = await HttpEndpointTests.StartAppAsync(configure);
        await using (app)
        {
            // A reply went out: the source is connected, so only the check can change the bot's status.
            source.Push(Message("alice", "!dice"));
            await source.WaitForSentAsync(1, TimeSpan.FromSeconds(30));
            await test(http);
            await app.StopAsync();
        }
    }

    private static async Task<JsonElement> BotAsync(HttpClient http)
    {
        // 503 when unhealthy: the body is read all the same.
        using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("bots")[0].Clone();
    }

    private sealed class ScriptedCheck(Func<Task<HealthCheckResult>> answer) : IHealthCheck
    {
        private int _calls;

        public ScriptedCheck(HealthCheckResult result)
            : this(() => Task.FromResult(result))
        {
        }

        public int Calls => Volatile.Read(ref _calls);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return await answer();
        }
    }
}
