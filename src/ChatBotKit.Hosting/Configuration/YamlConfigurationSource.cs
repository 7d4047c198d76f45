using Microsoft.Extensions.Configuration;

namespace ChatBotKit.Hosting.Configuration;

/// <summary>A YAML file as a configuration source; see <see cref="YamlConfigurationProvider"/>.</summary>
/// <param name="Path">The file.</param>
/// <param name="Optional">Whether a missing file is fine.</param>
public sealed record YamlConfigurationSource(string Path, bool Optional = true) : IConfigurationSource
{
    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new YamlConfigurationProvider(Path, Optional);
}
