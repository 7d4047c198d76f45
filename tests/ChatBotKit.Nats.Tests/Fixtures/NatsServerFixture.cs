namespace ChatBotKit.Nats.Tests.Fixtures;

/// <summary>One plain nats-server shared by a collection; each test uses its own subjects.</summary>
public sealed class NatsServerFixture : IAsyncLifetime
{
    private NatsServer? _server;

    public NatsServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public NatsOptions Options => new() { Servers = [Server.Url], Name = "tests" };

    public async Task InitializeAsync() => _server = await NatsServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public async Task<NatsConnection> ConnectAsync(NatsOptions? options = null)
    {
        var connection = new NatsConnection(options ?? Options);
        await connection.ConnectAsync();
        return connection;
    }
}

[CollectionDefinition(Name)]
public sealed class NatsServerGroup : ICollectionFixture<NatsServerFixture>
{
    public const string Name = "nats-server";
}
