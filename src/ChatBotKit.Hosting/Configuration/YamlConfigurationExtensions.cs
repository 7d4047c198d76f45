using ChatBotKit.Hosting.Configuration;

namespace Microsoft.Extensions.Configuration;

/// <summary>Adds <c>bot.yaml</c>-style files to a configuration.</summary>
public static class YamlConfigurationExtensions
{
    /// <summary>Adds the YAML file at <paramref name="path"/>; keys keep their line numbers for error messages.</summary>
    public static IConfigurationBuilder AddYamlFile(this IConfigurationBuilder builder, string path, bool optional = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new YamlConfigurationSource(path, optional));
    }
}
