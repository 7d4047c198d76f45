namespace ChatBotKit.AI.Backends;

/// <summary>Reads a server's API key from the environment variable its options name.</summary>
internal static class ApiKey
{
    public static string? Read(LlmOptions options)
    {
        var key = options.ApiKeyVariable is { Length: > 0 } name ? Environment.GetEnvironmentVariable(name) : null;
        if (string.IsNullOrEmpty(key) && options.RequireApiKey)
        {
            throw new ChatBotConfigurationException(options.ApiKeyVariable is { Length: > 0 } variable
                ? $"the API key for {options.BaseUrl} is missing: set the environment variable {variable}"
                : $"the API key for {options.BaseUrl} is required but no ApiKeyVariable is set in {nameof(LlmOptions)}");
        }

        return string.IsNullOrEmpty(key) ? null : key;
    }
}
