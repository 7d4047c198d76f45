using ChatBotKit.Events;
using ChatBotKit.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static ChatBotKit.Hosting.AspNetCore.Dashboard.DashboardHtml;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>
/// The dashboard's controls, each a plain POST written to the audit log: pause or resume a bot, one of
/// its sources or a channel; press a button of a part's panel (interrupt the voice, show an
/// expression); say something as the bot; the prompt test; apply or roll back a configuration edit.
/// </summary>
internal static class DashboardControls
{
    public static void Map(IEndpointRouteBuilder pages)
    {
        pages.MapPost("/pause", PauseAsync);
        pages.MapPost("/panel", PanelAsync);
        pages.MapPost("/say", SayAsync);
        pages.MapPost("/prompt-test", PromptTestAsync);
        pages.MapPost("/config", async (HttpContext context, DashboardServices dashboard) =>
            await EditAsync(context, dashboard, "applied a configuration edit to", (editor, form) => editor.ApplyAsync(form["text"].ToString(), context.RequestAborted)).ConfigureAwait(false));
        pages.MapPost("/config/rollback", async (HttpContext context, DashboardServices dashboard) =>
            await EditAsync(context, dashboard, "rolled back", (editor, _) => editor.RollBackAsync(context.RequestAborted)).ConfigureAwait(false));
    }

    private static async Task<IResult> PauseAsync(HttpContext context, DashboardServices dashboard)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (dashboard.Find(form["bot"]) is not { } bot)
        {
            return Results.NotFound();
        }

        var paused = string.Equals(form["paused"], "true", StringComparison.OrdinalIgnoreCase);
        var pauses = bot.Engine.Pauses;
        string platform = form["platform"].ToString(), channel = form["channel"].ToString(), source = form["source"].ToString(), target;
        switch (form["scope"].ToString())
        {
            case "bot":
                pauses.SetBotPaused(paused);
                target = $"bot {bot.Name}";
                break;
            case "source" when bot.Sources.GetSources().Any(s => string.Equals(s.Name, source, StringComparison.OrdinalIgnoreCase)):
                pauses.SetSourcePaused(source, paused);
                target = $"source {source} of {bot.Name}";
                break;
            case "channel" when platform.Length > 0 && channel.Length > 0:
                pauses.SetChannelPaused(new ChatPlatform(platform), channel, paused);
                target = $"channel {platform}/{channel} of {bot.Name}";
                break;
            default:
                return Results.BadRequest("scope is bot, source (with the name of one of the bot's sources) or channel (with platform and channel).");
        }

        DashboardAudit.Action(dashboard.Audit, context, paused ? "paused" : "resumed", target);
        return Results.Redirect(Prefix + "/");
    }

    private static async Task<IResult> PanelAsync(HttpContext context, DashboardServices dashboard)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        string title = form["panel"].ToString(), action = form["action"].ToString();
        if (dashboard.Find(form["bot"]) is not { } bot || bot.Engine.Definition.ControlPanels.FirstOrDefault(p => p.Title == title) is not { } panel)
        {
            return Results.NotFound("No such bot or panel.");
        }

        var answer = await panel.InvokeAsync(action, context.RequestAborted).ConfigureAwait(false);
        dashboard.PanelResults[(bot.Name, title)] = answer;
        DashboardAudit.Action(dashboard.Audit, context, $"pressed {action} on", $"{title} of {bot.Name}");
        return Results.Redirect(Prefix + "/");
    }

    private static async Task<IResult> SayAsync(HttpContext context, DashboardServices dashboard)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        string platform = form["platform"].ToString(), channel = form["channel"].ToString(), text = form["text"].ToString().Trim();
        if (dashboard.Find(form["bot"]) is not { } bot || text.Length == 0)
        {
            return Results.BadRequest("bot, platform, channel and text are needed.");
        }

        var status = bot.Sources.GetSources().FirstOrDefault(s => s.Platform is { } p && string.Equals(p.Value, platform, StringComparison.OrdinalIgnoreCase));
        if (status is null || bot.Sources.GetSource(status.Name) is not { } source)
        {
            return Results.NotFound($"{bot.Name} has no connected {platform} source.");
        }

        var now = dashboard.Time.GetUtcNow();
        var result = await source.SendAsync(new OutgoingMessage { Platform = source.Platform, Channel = channel, Text = text, Trigger = "dashboard", CorrelationId = CorrelationId.Next(), Timestamp = now }, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsAccepted)
        {
            return Results.Problem($"The {platform} source did not send it: {result.Reason}.", statusCode: StatusCodes.Status502BadGateway);
        }

        dashboard.Feed.Said(bot.Name, platform, channel, now, text);
        DashboardAudit.Action(dashboard.Audit, context, "said a message as", $"{bot.Name} in {platform}/{channel}");
        return Results.Redirect(Link("/chat", ("bot", bot.Name), ("platform", platform), ("channel", channel)));
    }

    private static async Task<IResult> PromptTestAsync(HttpContext context, DashboardServices dashboard)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (dashboard.Find(form["bot"]) is not { } bot)
        {
            return Results.NotFound();
        }

        var user = form["user"].ToString() is { Length: > 0 } name ? name : "tester";
        var message = new MessageReceived
        {
            Platform = new ChatPlatform(form["platform"].ToString() is { Length: > 0 } p ? p : "console"),
            Channel = form["channel"].ToString() is { Length: > 0 } c ? c : "test",
            User = ChatUser.Named(user),
            Text = form["text"].ToString(),
            Timestamp = dashboard.Time.GetUtcNow(),
        };
        var result = await bot.Engine.RehearseAsync(message, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        DashboardAudit.Action(dashboard.Audit, context, "ran a prompt test on", bot.Name);
        return DashboardEndpoints.Html(PromptTestView.Result(result));
    }

    private static async Task<IResult> EditAsync(HttpContext context, DashboardServices dashboard, string action, Func<ConfigurationEditor, IFormCollection, Task<ConfigurationEdit>> edit)
    {
        if (dashboard.Config is not { } editor)
        {
            return Results.NotFound("No configuration file.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var result = await edit(editor, form).ConfigureAwait(false);
        if (result.Succeeded)
        {
            DashboardAudit.Action(dashboard.Audit, context, action, editor.Path);
        }
        else
        {
            DashboardAudit.Refused(dashboard.Audit, context, action, editor.Path, result.Problem ?? "");
        }

        return DashboardEndpoints.Html(ConfigView.Result(result, editor), result.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }
}
