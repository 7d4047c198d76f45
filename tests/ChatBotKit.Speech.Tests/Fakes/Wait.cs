namespace ChatBotKit.Speech.Tests.Fakes;

/// <summary>Waits for a condition that another thread makes true, checking it every few milliseconds, for at most 20 s.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
