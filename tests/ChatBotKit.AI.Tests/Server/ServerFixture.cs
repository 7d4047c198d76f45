namespace ChatBotKit.AI.Tests.Server;

/// <summary>Starts a fresh fake server per test class instance (per test in xunit).</summary>
public abstract class ServerTestBase : IAsyncLifetime
{
    protected FakeOpenAIServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
