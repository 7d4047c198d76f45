namespace ChatBotKit.VTubeStudio;

/// <summary>
/// A VTube Studio request that failed: VTube Studio answered with an <c>APIError</c>
/// (<see cref="ErrorId"/> is set), the connection was not there or closed before the answer came,
/// or the answer did not come in time.
/// </summary>
public class VTubeStudioException : ChatBotKitException
{
    /// <summary>Creates the exception.</summary>
    public VTubeStudioException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public VTubeStudioException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public VTubeStudioException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>An <c>APIError</c> VTube Studio sent in answer to <paramref name="requestType"/>.</summary>
    public VTubeStudioException(string requestType, VTubeStudioErrorId errorId, string apiMessage)
        : base($"VTube Studio refused {requestType}: error {(int)errorId} {Describe(errorId)}: {apiMessage}")
    {
        ErrorId = errorId;
        ApiMessage = apiMessage;
    }

    /// <summary>An <c>APIError</c> explained in <paramref name="message"/> (for example with the names that do exist).</summary>
    internal VTubeStudioException(VTubeStudioErrorId errorId, string apiMessage, string message)
        : base(message)
    {
        ErrorId = errorId;
        ApiMessage = apiMessage;
    }

    /// <summary>The <c>errorID</c> VTube Studio sent; <see langword="null"/> when the request failed on this side.</summary>
    public VTubeStudioErrorId? ErrorId { get; }

    /// <summary>VTube Studio's own message for the error, when it sent one.</summary>
    public string? ApiMessage { get; }

    private static string Describe(VTubeStudioErrorId errorId) =>
        Enum.IsDefined(errorId) ? $"({errorId})" : "(an id ChatBotKit does not know)";
}
