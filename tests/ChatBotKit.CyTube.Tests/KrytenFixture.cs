using ChatBotKit.Nats.Tests.Fixtures;

namespace ChatBotKit.CyTube.Tests;

/// <summary>A nats-server with a fake Kryten robot answering commands, shared by a test class.</summary>
public sealed class KrytenFixture : IAsyncLifetime
{
    private NatsServer? _server;
    private FakeKryten? _kryten;

    public NatsServer Server => _server ?? throw new InvalidOperationException("Not started.");

    internal FakeKryten Kryten => _kryten ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _server = await NatsServer.StartAsync();
        _kryten = await FakeKryten.StartAsync(_server.Url);
    }

    public async Task DisposeAsync()
    {
        if (_kryten is not null)
        {
            await _kryten.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
