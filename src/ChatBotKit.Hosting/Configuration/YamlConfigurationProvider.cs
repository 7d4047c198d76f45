using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatBotKit.Hosting.Configuration;

/// <summary>
/// Reads a YAML file (<c>bot.yaml</c>) into configuration keys (<c>twitch: {channels: [a]}</c> becomes
/// <c>twitch:channels:0 = a</c>) and remembers the line of every key, so that a validation error can
/// say where the bad value is. A malformed file throws <see cref="ChatBotConfigurationException"/>
/// naming the file, line and column.
/// </summary>
public sealed class YamlConfigurationProvider(string path, bool optional) : ConfigurationProvider, IConfigurationLocation
{
    private Dictionary<string, int> _lines = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The file's full path.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <inheritdoc />
    public bool TryGetLine(string key, out int line) => _lines.TryGetValue(key, out line);

    /// <inheritdoc />
    public override void Load()
    {
        // A file that fails to load (on a reload) leaves the previous values and their lines in place.
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var lines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(Path))
        {
            Data = optional ? data : throw new ChatBotConfigurationException($"{Path}: configuration file not found.");
            _lines = lines;
            return;
        }

        var yaml = new YamlStream();
        try
        {
            using var reader = File.OpenText(Path);
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ChatBotConfigurationException($"{Path}({e.Start.Line},{e.Start.Column}): not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // The scanner throws this for some unterminated flow collections; it has no position.
            throw new ChatBotConfigurationException($"{Path}(1,1): not valid YAML: {e.Message}");
        }

        if (yaml.Documents.Count > 0)
        {
            Visit(yaml.Documents[0].RootNode, "", data, lines);
        }

        Data = data;
        _lines = lines;
    }

    private void Visit(YamlNode node, string prefix, Dictionary<string, string?> data, Dictionary<string, int> lines)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = key is YamlScalarNode scalarKey ? scalarKey.Value ?? "" : throw new ChatBotConfigurationException($"{Path}({key.Start.Line},{key.Start.Column}): a key must be plain text.");
                    Visit(value, prefix.Length == 0 ? name : $"{prefix}:{name}", data, lines);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Visit(sequence.Children[i], $"{prefix}:{i}", data, lines);
                }

                break;
            case YamlScalarNode scalar:
                data[prefix] = scalar.Value is "~" or "null" ? null : scalar.Value;
                lines[prefix] = (int)scalar.Start.Line;
                break;
        }
    }
}
