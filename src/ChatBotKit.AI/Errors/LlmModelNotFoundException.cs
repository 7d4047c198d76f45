namespace ChatBotKit.AI.Errors;

/// <summary>The server does not have the requested model (404): "model 'x' not found at &lt;url&gt;".</summary>
public sealed class LlmModelNotFoundException : LlmException
{
    /// <summary>Creates the exception for a model and the server's base URL.</summary>
    public LlmModelNotFoundException(string model, Uri? endpoint, Exception? innerException = null)
        : base(LlmFailureKind.ModelNotFound, $"model '{model}' not found at {endpoint}", endpoint, 404, innerException) =>
        Model = model;

    /// <summary>The model that was asked for.</summary>
    public string Model { get; }
}
