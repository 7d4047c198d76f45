namespace ChatBotKit.Templates.Tests;

/// <summary>
/// The packages of this repository in a temporary feed, the <c>streambot</c> tool installed from it
/// into a tool folder, and the template pack installed into a template hive of its own, with a
/// NuGet cache and a <c>nuget.config</c> that know only that feed: what a user gets, apart from the
/// machine's own settings.
/// </summary>
public sealed class LocalFeed : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("chatbotkit-templates-").FullName;

    public string Feed => Path.Combine(_root, "feed");

    public string Work => Path.Combine(_root, "work");

    /// <summary>
    /// Where apps made from the template are built: their <c>nuget.config</c> knows this feed and the
    /// machine's package folder (the packages ChatBotKit depends on, restored with the solution), nothing else.
    /// </summary>
    public string Apps => Path.Combine(_root, "apps");

    /// <summary>The installed tool.</summary>
    public string Streambot => Path.Combine(_root, "tools", "streambot");

    public IReadOnlyDictionary<string, string> Environment { get; private set; } = new Dictionary<string, string>();

    private static Dictionary<string, string> Quiet { get; } = new() { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };

    internal static string Repository { get; } = FindRepository();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Work);
        Environment = new Dictionary<string, string>(Quiet) { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") };
        File.WriteAllText(Path.Combine(Work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="chatbotkit" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        Directory.CreateDirectory(Apps);
        var machinePackages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(Apps, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="chatbotkit" value="{Feed}" />
                <add key="machine" value="{machinePackages}" />
              </packageSources>
            </configuration>
            """);

        // Only the packable projects (src/ and the template pack), in Release: the test run builds Debug
        // in parallel, so packing touches none of its outputs. The pack restores with the machine's own
        // NuGet cache (a no-op after the solution's restore); an isolated cache here would rewrite the
        // projects' restore results under the running build.
        await Expect(Command.RunAsync("dotnet", Repository, Quiet, "pack", WritePackageFilter(), "-c", "Release", "-o", Feed));
        await Expect(Dotnet(Work, "tool", "install", "streambot", "--tool-path", Path.Combine(_root, "tools"), "--configfile", Path.Combine(Work, "nuget.config"), "--version", Version));
        await Expect(New("install", Package("ChatBotKit.Templates")));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The version every package carries (read from the name of the tool's package, not of its per-platform ones).</summary>
    public string Version => Directory.GetFiles(Feed, "streambot.*.nupkg")
        .Select(file => Path.GetFileNameWithoutExtension(file)["streambot.".Length..])
        .Single(version => char.IsAsciiDigit(version[0]));

    /// <summary>Runs <c>dotnet new <paramref name="arguments"/></c> in <see cref="Work"/> on this feed's own template hive.</summary>
    public Task<CommandResult> New(params string[] arguments) =>
        Dotnet(Work, ["new", .. arguments, "--debug:custom-hive", Path.Combine(_root, "hive")]);

    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public Task<CommandResult> Dotnet(string workingDirectory, params string[] arguments) =>
        Command.RunAsync("dotnet", workingDirectory, Environment, arguments);

    public Task<CommandResult> RunStreambot(string workingDirectory, params string[] arguments) =>
        Command.RunAsync(Streambot, workingDirectory, Environment, arguments);

    private static async Task Expect(Task<CommandResult> run)
    {
        var result = await run;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Setting up the local feed failed with {result}");
        }
    }

    private string WritePackageFilter()
    {
        var projects = Directory.GetFiles(Path.Combine(Repository, "src"), "*.csproj", SearchOption.AllDirectories)
            .Append(Path.Combine(Repository, "templates", "ChatBotKit.Templates.csproj"))
            .Select(p => Path.GetRelativePath(Repository, p).Replace('\\', '/'));
        var filter = Path.Combine(_root, "packages.slnf");
        File.WriteAllText(filter, System.Text.Json.JsonSerializer.Serialize(new
        {
            solution = new { path = Path.Combine(Repository, "ChatBotKit.sln"), projects },
        }));
        return filter;
    }

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ChatBotKit.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ChatBotKit.sln above {AppContext.BaseDirectory}.");
    }
}
