namespace ChatBotKit.Events;

/// <summary>
/// Sees every event the bot reads, before the triggers decide: a mood that follows the stream, a
/// counter of follows. Add one with <see cref="ChatBotBuilder.AddObserver"/>; a trigger that is one
/// is fed too. Called on each channel's loop, from several channels at once: keep it quick,
/// thread-safe and free of I/O. Events from the bot itself and from ignored users are not shown;
/// an observer that throws is logged and the event goes on.
/// </summary>
public interface IChatEventObserver
{
    /// <summary>Takes note of <paramref name="chatEvent"/>.</summary>
    void Observe(ChatEvent chatEvent);
}
