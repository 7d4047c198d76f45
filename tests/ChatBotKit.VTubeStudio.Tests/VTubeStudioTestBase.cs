using ChatBotKit.VTubeStudio.Tests.Server;

namespace ChatBotKit.VTubeStudio.Tests;

/// <summary>A fake VTube Studio, a token file in a folder of its own, and clients that are disposed after the test.</summary>
public abstract class VTubeStudioTestBase : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vts-tests-").FullName;
    private readonly List<IAsyncDisposable> _owned = [];

    protected FakeVTubeStudio Vts { get; private set; } = null!;

    protected string TokenFile => Path.Combine(_folder, "streambot", "vtubestudio-tokens.json");

    protected VTubeStudioOptions Options => new()
    {
        Endpoint = Vts.Endpoint,
        TokenFile = TokenFile,
        MinReconnectDelay = TimeSpan.FromMilliseconds(20),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(100),
    };

    protected string TokenKey => VTubeStudioTokenStore.KeyFor(Options);

    public virtual Task InitializeAsync()
    {
        Vts = new FakeVTubeStudio(Clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        await Vts.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The clock the fake stamps requests with; the system clock unless a test class says otherwise.</summary>
    protected virtual TimeProvider Clock => TimeProvider.System;

    protected T Own<T>(T disposable) where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    protected VTubeStudioClient NewClient(VTubeStudioOptions? options = null, TimeProvider? time = null) =>
        Own(new VTubeStudioClient(options ?? Options, timeProvider: time));

    /// <summary>Keeps the token the fake accepts, as if the plugin had been approved before.</summary>
    protected void KeepValidToken() => new VTubeStudioTokenStore(TokenFile).Save(TokenKey, Vts.ValidToken);

    protected string[] RequestTypes() => [.. Vts.Requests.Select(r => r.MessageType)];
}
