using ChatBotKit.Hosting.AspNetCore;
using ChatBotKit.Hosting.Configuration;
using ChatBotKit.Hosting.Interactions;
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
/// A web app running the bot "kit" on two fake Twitch sources, "fake" and "second" (both in channel "c"), with the dashboard mapped, on a
/// free loopback port; its configuration is a bot.yaml in its own folder; the audit log is kept.
/// </summary>
internal sealed class DashboardApp : IAsyncDisposable
{
    public const string Config = "ChatBotKit:\n  ShutdownTimeout: \"00:00:05\"\nGreeting: hello\n";

    private readonly WebApplication _app;

    private DashboardApp(WebApplication app, FakeChatSource source, FakeChatSource second, string folder, ListLoggerProvider audit, Uri address)
    {
        _app = app;
        Source = source;
        Second = second;
        Folder = folder;
        Audit = audit;
        Address = address;
    }

    public FakeChatSource Source { get; }

    /// <summary>A second source of the same platform, registered as "second".</summary>
    public FakeChatSource Second { get; }

    public string Folder { get; }

    public string ConfigFile => Path.Combine(Folder, "bot.yaml");

    public ListLoggerProvider Audit { get; }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the app; <paramref name="bot"/> adds to the bot, <paramref name="interactionLog"/> turns the interaction log on in that folder.</summary>
    public static async Task<DashboardApp> StartAsync(ChatBotDashboardOptions? options = null, string host = "127.0.0.1", Action<ChatBotBuilder>? bot = null, string? interactionLog = null)
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-").FullName;
        var file = Path.Combine(folder, "bot.yaml");
        await File.WriteAllTextAsync(file, Config);
        var source = new FakeChatSource();
        var second = new FakeChatSource();
        var audit = new ListLoggerProvider(LogLevel.Information);
        var port = ChatBotKit.Testing.LoopbackPort.GetFree();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{host}:{port}");
        builder.Configuration.AddYamlFile(file, optional: false);
        builder.Logging.ClearProviders().AddProvider(audit).AddFilter((category, _) => category == "ChatBotKit.Dashboard.Audit");
        builder.Services.AddSingleton<IChatClient>(new FakeChatClient("**Hello** there, viewer!"));
        var chatBot = builder.Services.AddChatBot(b =>
            {
                b.WithName("kit").OnCommand("dice", _ => "rolled").OnMention()
                    .AddSource(new ChatSourceRegistration("fake", "settings", _ => source) { Channels = ["c"] })
                    .AddSource(new ChatSourceRegistration("second", "settings", _ => second) { Channels = ["c"] });
                bot?.Invoke(b);
            });
        if (interactionLog is not null)
        {
            // Before the dashboard, so the log has heard a decision by the time the dashboard's feed shows it.
            chatBot.WithInteractionLog(new InteractionLogOptions { Directory = Path.Combine(folder, interactionLog) });
        }

        chatBot.WithDashboard((options ?? new ChatBotDashboardOptions()) with { ConfigurationFile = file });

        var app = builder.Build();
        app.MapChatBotEndpoints();
        app.MapChatBotDashboard();
        await app.StartAsync();
        return new DashboardApp(app, source, second, folder, audit, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
