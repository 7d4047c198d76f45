namespace ChatBotKit.Scripting.Tests;

/// <summary>A temporary folder for script files, deleted afterwards.</summary>
public sealed class ScriptFolder : IDisposable
{
    public ScriptFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "streambot-tests-" + Guid.NewGuid().ToString("N"));

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
