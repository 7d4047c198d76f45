namespace ChatBotKit.Hosting.Configuration;

/// <summary>Implemented by file-based configuration providers that can say where a key came from.</summary>
public interface IConfigurationLocation
{
    /// <summary>The file's full path.</summary>
    string Path { get; }

    /// <summary>The 1-based line of <paramref name="key"/> in the file, when known.</summary>
    bool TryGetLine(string key, out int line);
}
