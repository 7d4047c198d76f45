namespace ChatBotKit.Scripting;

/// <summary>
/// What a preset says about itself in its header: lines <c>//! key: value</c> at the top of the
/// file, before any code. Keys: <c>name</c>, <c>description</c>, <c>author</c>, <c>version</c>, and
/// <c>needs</c> (one configuration key a script loading it must set; repeat the line for more).
/// </summary>
/// <param name="Path">The preset's file.</param>
public sealed record PresetManifest(string Path)
{
    private const string Marker = "//!";

    /// <summary>The preset's name; defaults to the file name.</summary>
    public string Name { get; init; } = System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>What it does, in one line.</summary>
    public string? Description { get; init; }

    /// <summary>Who wrote it.</summary>
    public string? Author { get; init; }

    /// <summary>Its version.</summary>
    public string? Version { get; init; }

    /// <summary>The configuration keys it needs, each with the line that declares it.</summary>
    public IReadOnlyList<(string Key, int Line)> Needs { get; init; } = [];

    /// <summary>Reads the header of the file at <paramref name="path"/>; a file without one gives an empty manifest.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PresetManifest Read(string path)
    {
        var manifest = new PresetManifest(path);
        var needs = new List<(string, int)>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal) && !line.StartsWith(Marker, StringComparison.Ordinal))
            {
                continue;
            }

            if (!line.StartsWith(Marker, StringComparison.Ordinal))
            {
                break;
            }

            var (key, value) = Split(line[Marker.Length..]);
            manifest = key switch
            {
                "name" => manifest with { Name = value },
                "description" => manifest with { Description = value },
                "author" => manifest with { Author = value },
                "version" => manifest with { Version = value },
                _ => manifest,
            };
            if (key == "needs" && value.Length > 0)
            {
                needs.Add((value, number));
            }
        }

        return manifest with { Needs = needs };
    }

    private static (string Key, string Value) Split(string entry)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (entry.Trim().ToLowerInvariant(), "") : (entry[..colon].Trim().ToLowerInvariant(), entry[(colon + 1)..].Trim());
    }
}
