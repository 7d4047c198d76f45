using NATS.Client.Core;

namespace ChatBotKit.Nats.Tests.Fixtures;

/// <summary>One plain nats-server shared by a collection; each test uses its own subjects.</summary>
public sealed class NatsServerFixture : IAsyncLifetime
{
    private NatsServer? _server;

    public NatsServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public NatsConnectionOptions Options => new() { Servers = [Server.Url], Name = "tests" };

    public async Task InitializeAsync() => _server = await NatsServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A NATS.Net connection made from our options, connected.</summary>
    public async Task<NatsConnection> ConnectAsync(NatsConnectionOptions? options = null)
    {
        var connection = new NatsConnection((options ?? Options).ToNatsOpts());
        await connection.ConnectAsync();
        return connection;
    }
}

[CollectionDefinition(Name)]
public sealed class NatsServerGroup : ICollectionFixture<NatsServerFixture>
{
    public const string Name = "nats-server";
}
