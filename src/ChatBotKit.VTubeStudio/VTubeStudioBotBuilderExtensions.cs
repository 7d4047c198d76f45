using ChatBotKit.Events;
using ChatBotKit.Triggers;
using ChatBotKit.VTubeStudio;

namespace ChatBotKit;

/// <summary><c>Bot.AddAvatarCommands(avatar)</c>: the chat commands that drive a VTube Studio avatar.</summary>
public static class VTubeStudioBotBuilderExtensions
{
    /// <summary>
    /// Adds <c>!expression &lt;name|number&gt;</c> and <c>!motion &lt;name&gt;</c>, commands like any
    /// other (roles, cooldown, prefix). They answer nothing when the avatar obeys; an unknown name is
    /// answered with the names that exist, and a VTube Studio that is not reachable says so.
    /// </summary>
    /// <param name="builder">The bot.</param>
    /// <param name="avatar">The avatar the commands drive; the script starts and stops it.</param>
    /// <param name="requiredRoles">Who may use the commands; <see cref="ChatRoles.None"/> lets everyone.</param>
    /// <param name="cooldown">How long a command rests after use; default 10 seconds.</param>
    /// <param name="expressionCommand">The expression command's name; default <c>expression</c>.</param>
    /// <param name="motionCommand">The motion command's name; default <c>motion</c>.</param>
    public static ChatBotBuilder AddAvatarCommands(this ChatBotBuilder builder, VTubeStudioAvatar avatar, ChatRoles requiredRoles = ChatRoles.None, TimeSpan? cooldown = null, string expressionCommand = "expression", string motionCommand = "motion")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(avatar);
        var rest = cooldown ?? TimeSpan.FromSeconds(10);
        builder.OnCommand(expressionCommand, (context, ct) => RunAsync(context, $"!{expressionCommand} <name or number>", name => avatar.ShowExpressionAsync(name, avatar.Settings.CommandPriority, avatar.Settings.CommandDuration, ct)), requiredRoles, rest);
        builder.OnCommand(motionCommand, (context, ct) => RunAsync(context, $"!{motionCommand} <name>", async name =>
        {
            if (!await avatar.PlayMotionAsync(name, avatar.Settings.CommandPriority, loop: false, ct).ConfigureAwait(false))
            {
                throw new VTubeStudioException("Too many motions are waiting; try again in a moment.");
            }
        }), requiredRoles, rest);
        return builder.AddControlPanel(new AvatarControlPanel(avatar));
    }

    private static async ValueTask<string?> RunAsync(ReplyContext context, string usage, Func<string, Task> act)
    {
        var argument = context.Command?.ArgumentText;
        if (string.IsNullOrWhiteSpace(argument))
        {
            return $"Usage: {usage}";
        }

        try
        {
            await act(argument).ConfigureAwait(false);
            return null;
        }
        catch (VTubeStudioException ex)
        {
            return ex.Message;
        }
    }
}
