using ChatBotKit.Hosting.AspNetCore;
using ChatBotKit.Hosting.Configuration;
using ChatBotKit.Sources;
using ChatBotKit.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Hosting.Tests.Dashboard;

/// <summary>
/// A web app running the bot "kit" on a fake Twitch source (channel "c") with the dashboard mapped, on a
/// free loopback port; its configuration is a bot.yaml in its own folder; the audit log is kept.
/// </summary>
internal sealed class DashboardApp : IAsyncDisposable
{
    public const string Config = "ChatBotKit:\n  ShutdownTimeout: \"00:00:05\"\nGreeting: hello\n";

    private readonly WebApplication _app;

    private DashboardApp(WebApplication app, FakeChatSource source, string folder, ListLoggerProvider audit, Uri address)
    {
        _app = app;
        Source = source;
        Folder = folder;
        Audit = audit;
        Address = address;
    }

    public FakeChatSource Source { get; }

    public string Folder { get; }

    public string ConfigFile => Path.Combine(Folder, "bot.yaml");

    public ListLoggerProvider Audit { get; }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<DashboardApp> StartAsync(ChatBotDashboardOptions? options = null, string host = "127.0.0.1")
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-").FullName;
        var file = Path.Combine(folder, "bot.yaml");
        await File.WriteAllTextAsync(file, Config);
        var source = new FakeChatSource();
        var audit = new ListLoggerProvider(LogLevel.Information);
        var port = ChatBotKit.Testing.LoopbackPort.GetFree();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{host}:{port}");
        builder.Configuration.AddYamlFile(file, optional: false);
        builder.Logging.ClearProviders().AddProvider(audit).AddFilter((category, _) => category == "ChatBotKit.Dashboard.Audit");
        builder.Services.AddSingleton<IChatClient>(new FakeChatClient("**Hello** there, viewer!"));
        builder.Services.AddChatBot(b => b.WithName("kit").OnCommand("dice", _ => "rolled").OnMention()
                .AddSource(new ChatSourceRegistration("fake", "settings", _ => source) { Channels = ["c"] }))
            .WithDashboard((options ?? new ChatBotDashboardOptions()) with { ConfigurationFile = file });
        var app = builder.Build();
        app.MapChatBotEndpoints();
        app.MapChatBotDashboard();
        await app.StartAsync();
        return new DashboardApp(app, source, folder, audit, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
