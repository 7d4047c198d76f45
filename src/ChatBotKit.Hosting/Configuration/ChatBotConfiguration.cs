using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace ChatBotKit.Hosting.Configuration;

/// <summary>
/// Reads and validates <see cref="ChatBotHostingOptions"/> at start-up. Every problem names the key
/// path and where the value came from (file and, for YAML, line); a secret-looking key (token,
/// secret, password, API key) set in a configuration file is refused: secrets come from
/// environment variables.
/// </summary>
public static partial class ChatBotConfiguration
{
    /// <summary>Binds the <c>ChatBotKit</c> section; throws <see cref="ChatBotConfigurationException"/> listing every problem.</summary>
    /// <param name="configuration">The configuration to read.</param>
    /// <param name="environmentPrefix">The prefix the app's environment variables carry (e.g. <c>STREAMBOT_</c>), named in the message for a refused secret.</param>
    public static ChatBotHostingOptions Load(IConfiguration configuration, string environmentPrefix = "")
    {
        var options = Read(configuration, environmentPrefix, out var errors);
        return errors.Count == 0 ? options : throw Invalid(errors);
    }

    /// <summary>The problem list as the exception start-up and reloads report.</summary>
    internal static ChatBotConfigurationException Invalid(IReadOnlyList<string> errors) =>
        new("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors));

    /// <summary>Binds the valid values of the <c>ChatBotKit</c> section and lists every problem in <paramref name="errors"/>.</summary>
    internal static ChatBotHostingOptions Read(IConfiguration configuration, string environmentPrefix, out List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        errors = [];
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (!string.IsNullOrEmpty(value) && SecretKey().IsMatch(key.Split(':')[^1]) && FromFile(configuration, key) is { } file)
            {
                errors.Add($"{key} ({file}): looks like a secret; a configuration file must not hold it. Set the environment variable {environmentPrefix}{key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant()} instead.");
            }
        }

        var options = new ChatBotHostingOptions();
        var http = options.Http;
        if (Read(configuration, "ChatBotKit:Http:Enabled", errors, ParseBool, "true or false") is bool enabled)
        {
            http = http with { Enabled = enabled };
        }

        if (Read(configuration, "ChatBotKit:Http:Endpoint", errors, v => IsEndpoint(v) ? v : null, "host:port, e.g. 127.0.0.1:8080") is string endpoint)
        {
            http = http with { Endpoint = endpoint };
        }

        options = options with { Http = http };
        if (Read(configuration, "ChatBotKit:ShutdownTimeout", errors, ParseTimeout, "a time span from 00:00:01 to 00:00:30") is TimeSpan timeout)
        {
            options = options with { ShutdownTimeout = timeout };
        }

        if (Read(configuration, "ChatBotKit:ReloadOnHangup", errors, ParseBool, "true or false") is bool reload)
        {
            options = options with { ReloadOnHangup = reload };
        }

        return options;
    }

    /// <summary>Where <paramref name="key"/>'s value came from: <c>path(line)</c> or <c>path</c> for a file, <see langword="null"/> otherwise (environment, command line, memory).</summary>
    public static string? FromFile(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return null;
        }

        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _))
            {
                continue;
            }

            return provider switch
            {
                IConfigurationLocation located => located.TryGetLine(key, out var line) ? $"{located.Path}({line})" : located.Path,
                FileConfigurationProvider file => file.Source.FileProvider?.GetFileInfo(file.Source.Path ?? "").PhysicalPath ?? file.Source.Path,
                _ => null,
            };
        }

        return null;
    }

    private static object? Read(IConfiguration configuration, string key, List<string> errors, Func<string, object?> parse, string expected)
    {
        var raw = configuration[key];
        if (raw is null)
        {
            return null;
        }

        var value = parse(raw.Trim());
        if (value is null)
        {
            var where = FromFile(configuration, key) ?? "environment or command line";
            errors.Add($"{key} ({where}): '{raw}' is not valid; expected {expected}.");
        }

        return value;
    }

    private static bool IsEndpoint(string value)
    {
        return HttpEndpointOptions.TryParse(value, out _);
    }

    private static object? ParseBool(string value) => bool.TryParse(value, out var b) ? b : null;

    private static object? ParseTimeout(string value) =>
        TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var t) && t >= TimeSpan.FromSeconds(1) && t <= TimeSpan.FromSeconds(30) ? t : null;

    [GeneratedRegex("(token|secret|password|passwd|api_?key|apikey|credential)s?$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();
}
