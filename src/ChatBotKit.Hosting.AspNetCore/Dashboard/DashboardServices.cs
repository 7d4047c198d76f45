using System.Collections.Concurrent;
using ChatBotKit.Hosting.Health;
using ChatBotKit.Hosting.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>What the dashboard's pages reach in the app that runs the bots (also from the small server of <c>WithHttpEndpoints</c>).</summary>
internal sealed class DashboardServices : IDisposable
{
    private readonly IServiceProvider _app;

    public DashboardServices(IServiceProvider app, ChatBotDashboardOptions options)
    {
        _app = app;
        Options = options;
        Time = app.GetService<TimeProvider>() ?? TimeProvider.System;
        Sessions = new DashboardSessions(options, Time);
        Audit = (app.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(DashboardAudit.Category);
        Config = options.ConfigurationFile is { } file ? new ConfigurationEditor(file, Reloader) : null;
    }

    public ChatBotDashboardOptions Options { get; }

    public TimeProvider Time { get; }

    public DashboardSessions Sessions { get; }

    public ILogger Audit { get; }

    /// <summary>The configuration file's editor, when the options name one.</summary>
    public ConfigurationEditor? Config { get; }

    public RunningChatBots Bots => _app.GetRequiredService<RunningChatBots>();

    public ChatBotHealth Health => _app.GetRequiredService<ChatBotHealth>();

    public ChatBotReloader Reloader => _app.GetRequiredService<ChatBotReloader>();

    public DashboardFeed Feed => _app.GetRequiredService<DashboardFeed>();

    /// <summary>Engagement since start by trigger and channel; <see langword="null"/> when the interaction log is off.</summary>
    public EngagementTally? Engagement => _app.GetService<InteractionRecorder>()?.Engagement;

    /// <summary>What each control panel answered to the last button pressed, by bot and panel title.</summary>
    public ConcurrentDictionary<(string Bot, string Panel), string> PanelResults { get; } = new();

    /// <inheritdoc />
    public void Dispose() => Config?.Dispose();

    /// <summary>The running bot named <paramref name="bot"/>, or the only one when no name is given.</summary>
    public ChatBotRuntime? Find(string? bot) => string.IsNullOrEmpty(bot) ? (Bots.All is [var only] ? only : null) : Bots.Find(bot);
}
