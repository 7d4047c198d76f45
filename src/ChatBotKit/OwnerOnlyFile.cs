namespace ChatBotKit;

/// <summary>
/// Writes a file only its owner may read (mode 0600 outside Windows), through a temporary file and a
/// rename, so a reader never sees half of it. For the per-user token stores of the connectors.
/// </summary>
internal static class OwnerOnlyFile
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/>, creating its folder.</summary>
    public static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        File.Delete(temporary);
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
