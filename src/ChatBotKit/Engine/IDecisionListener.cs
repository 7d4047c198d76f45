namespace ChatBotKit.Engine;

/// <summary>
/// Receives every decision the engine makes. Called on the engine's threads: keep it quick and
/// thread-safe. Exceptions are logged and ignored.
/// </summary>
public interface IDecisionListener
{
    /// <summary>Called once per event.</summary>
    void OnDecision(in ChatDecision decision);
}
