using ChatBotKit.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace ChatBotKit.Cli;

/// <summary>
/// The configuration of <c>run</c>, <c>chat</c> and <c>replay</c>: <c>--config &lt;file&gt;</c>
/// (JSON or YAML by extension) or else <c>bot.yaml</c> / <c>appsettings.json</c> beside the
/// script, then environment variables prefixed <see cref="EnvironmentPrefix"/>. Validated by
/// <see cref="ChatBotConfiguration.Load(IConfiguration, string)"/>, as apps are.
/// </summary>
internal sealed record CliConfiguration(ChatBotHostingOptions Options, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Files, bool SetsHttp)
{
    /// <summary>Environment variables that start with this are configuration keys (<c>__</c> for <c>:</c>).</summary>
    public const string EnvironmentPrefix = "STREAMBOT_";

    private static readonly string[] Beside = ["bot.yaml", "bot.yml", "appsettings.json"];

    /// <summary>Reads and validates; throws <see cref="ChatBotConfigurationException"/> naming key, file and line.</summary>
    public static CliConfiguration Load(FileInfo script, FileInfo? config)
    {
        var builder = new ConfigurationBuilder();
        var files = AddSources(builder, script, config);
        IConfigurationRoot root;
        try
        {
            root = builder.Build();
        }
        catch (InvalidDataException e)
        {
            throw new ChatBotConfigurationException($"{e.Message} {e.InnerException?.Message}".TrimEnd());
        }

        var options = ChatBotConfiguration.Load(root, EnvironmentPrefix);
        return new CliConfiguration(options, ValuesOf(root), files, root["ChatBotKit:Http:Enabled"] is not null);
    }

    /// <summary>Adds the files (<c>--config</c>, else the ones beside the script) and the <see cref="EnvironmentPrefix"/> variables to <paramref name="builder"/>; returns the files.</summary>
    public static IReadOnlyList<string> AddSources(IConfigurationBuilder builder, FileInfo script, FileInfo? config)
    {
        var files = new List<string>();
        if (config is not null)
        {
            if (!config.Exists)
            {
                throw new UsageException($"--config {config.FullName}: no such file.");
            }

            Add(builder, config.FullName, files);
        }
        else
        {
            foreach (var name in Beside.Select(n => Path.Combine(script.DirectoryName ?? ".", n)).Where(File.Exists))
            {
                Add(builder, name, files);
            }
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        return files;
    }

    /// <summary>The values a script sees in <c>Config</c>.</summary>
    public static IReadOnlyDictionary<string, string> ValuesOf(IConfiguration configuration) =>
        configuration.AsEnumerable().Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>/health</c> endpoint: <c>--http</c> when given, else the configuration's when it sets <c>ChatBotKit:Http:Enabled</c>, else <paramref name="fallback"/>.</summary>
    public string? Http(string? asked, string? fallback) =>
        asked ?? (SetsHttp ? (Options.Http.Enabled ? Options.Http.Endpoint : CliHttp.Off) : fallback);

    /// <summary>Where the values came from, for the start-up line.</summary>
    public string Describe() => Files.Count == 0 ? $"config: {EnvironmentPrefix}* variables only" : $"config: {string.Join(", ", Files.Select(Path.GetFileName))}";

    private static void Add(IConfigurationBuilder builder, string path, List<string> files)
    {
        switch (Path.GetExtension(path).ToUpperInvariant())
        {
            case ".JSON":
                builder.AddJsonFile(path, optional: false);
                break;
            case ".YAML" or ".YML":
                builder.AddYamlFile(path, optional: false);
                break;
            default:
                throw new UsageException($"--config {path}: expected a .json, .yaml or .yml file.");
        }

        files.Add(path);
    }
}
