namespace ChatBotKit.VTubeStudio;

/// <summary>
/// What moves the avatar: turns expressions on and off and plays motions.
/// <see cref="AvatarExpressions"/> and <see cref="AvatarMotions"/> decide when; a driver (VTube
/// Studio's, or one of your own for another renderer) does it.
/// </summary>
public interface IAvatarDriver
{
    /// <summary>Turns <paramref name="expression"/> on or off.</summary>
    Task SetExpressionAsync(AvatarExpression expression, bool active, CancellationToken cancellationToken = default);

    /// <summary>Starts <paramref name="motion"/>; returns once it has started.</summary>
    Task PlayMotionAsync(AvatarMotion motion, CancellationToken cancellationToken = default);
}
