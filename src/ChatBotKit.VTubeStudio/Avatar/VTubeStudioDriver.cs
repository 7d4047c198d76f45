namespace ChatBotKit.VTubeStudio;

/// <summary>Drives the avatar in VTube Studio: expression files through <c>ExpressionActivationRequest</c>, hotkeys through <c>HotkeyTriggerRequest</c>.</summary>
/// <param name="client">The connection to VTube Studio.</param>
/// <param name="fade">How long an expression fades in and out (0–2 s).</param>
public sealed class VTubeStudioDriver(VTubeStudioClient client, TimeSpan fade) : IAvatarDriver
{
    /// <inheritdoc />
    public async Task SetExpressionAsync(AvatarExpression expression, bool active, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.File is { } file)
        {
            await client.SetExpressionAsync(file, active, fade, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await client.TriggerHotkeyAsync(expression.Hotkey!, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task PlayMotionAsync(AvatarMotion motion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(motion);
        await client.TriggerHotkeyAsync(motion.Hotkey, cancellationToken).ConfigureAwait(false);
    }
}
