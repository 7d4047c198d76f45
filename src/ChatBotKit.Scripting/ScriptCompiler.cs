using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace ChatBotKit.Scripting;

/// <summary>
/// Compiles <c>bot.csx</c> files with Roslyn into memory (Release, portable PDB). Reference
/// metadata and options are built once and reused, which keeps warm compiles fast; one
/// instance may be shared and used from several threads.
/// </summary>
public sealed class ScriptCompiler
{
    /// <summary>The namespaces every script imports.</summary>
    public static readonly ImmutableArray<string> Imports =
    [
        "System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading", "System.Threading.Tasks",
        "ChatBotKit", "ChatBotKit.Events", "ChatBotKit.Filters", "ChatBotKit.Prompting", "ChatBotKit.RateLimiting",
        "ChatBotKit.Sources", "ChatBotKit.Triggers", "ChatBotKit.Scripting", "Microsoft.Extensions.Logging",
    ];

    private static readonly string[] FrameworkAssemblies =
    [
        "System.Runtime", "System.Collections", "System.Linq", "System.Console", "System.Text.RegularExpressions",
        "System.Collections.Concurrent", "System.Memory", "System.Threading", "System.Private.Uri",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> SharedReferences = new(CreateReferences);

    private readonly Lazy<(CSharpParseOptions Parse, CSharpCompilationOptions Compilation)> _options;
    private int _counter;

    /// <summary>
    /// Creates a compiler that resolves <c>#load "preset:…"</c> through <paramref name="presets"/>
    /// and keeps compiled scripts in <see cref="ScriptCompileCache.FromEnvironment"/>.
    /// </summary>
    public ScriptCompiler(PresetLocator? presets = null)
        : this(presets, ScriptCompileCache.FromEnvironment())
    {
    }

    /// <summary>Creates a compiler with an explicit on-disk cache (<see langword="null"/>: none).</summary>
    public ScriptCompiler(PresetLocator? presets, ScriptCompileCache? cache)
    {
        Presets = presets ?? PresetLocator.CreateDefault();
        Cache = cache;

        // Built on first compile only: a cache hit never touches Roslyn.
        _options = new(() => (
            new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                usings: Imports,
                optimizationLevel: OptimizationLevel.Release,
                metadataReferenceResolver: null,
                // Annotations on, warnings off: `string?` in a script or preset compiles without
                // CS8632, and nobody is shown nullable-flow warnings they did not ask for.
                nullableContextOptions: NullableContextOptions.Annotations)));
    }

    /// <summary>Where presets are looked up, after the <c>presets/</c> folder beside each script (<see cref="PresetLocator.ForScript"/>).</summary>
    public PresetLocator Presets { get; }

    /// <summary>The on-disk cache of compiled scripts, or null.</summary>
    public ScriptCompileCache? Cache { get; }

    /// <summary>Compiles a small representative script once, so the first real compile is fast.</summary>
    public void WarmUp()
    {
        const string Sample = """
            Bot.WithName("warm").WithAliases("w").OnMention().OnCommand("x", ctx => $"{ctx.Random.Next(1, 7)}");
            var words = new List<string> { "a" }.Where(w => w.Length > 0).ToList();
            OnStart(() => Log.LogInformation("{Count}", words.Count));
            """;
        _ = Compile(SourceText.From(Sample, Encoding.UTF8), Path.Combine(AppContext.BaseDirectory, "warm-up.csx"), Presets);
    }

    /// <summary>Compiles the script at <paramref name="path"/>; throws <see cref="ScriptException"/> with every error.</summary>
    public CompiledScript Compile(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var presets = Presets.ForScript(fullPath);
        if (Cache?.TryLoad(fullPath, presets) is { } cached)
        {
            return cached;
        }

        var compiled = Compile(Read(fullPath), fullPath, presets);
        Cache?.Store(compiled, presets);
        return compiled;
    }

    /// <summary>
    /// Lists where the script at <paramref name="path"/> and every file it <c>#load</c>s reach outside
    /// the bot API (files, processes, network, reflection, native code, environment variables), found
    /// by the symbols the code binds to. Nothing is run. Use it before trusting a script from someone else.
    /// </summary>
    /// <exception cref="ScriptException">The script cannot be read or does not compile.</exception>
    public IReadOnlyList<ScriptReach> Inspect(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var presets = Presets.ForScript(fullPath);
        var compilation = CreateCompilation(Read(fullPath), fullPath, presets);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => ToDiagnostic(d, presets)).ToList();
        if (errors.Count > 0)
        {
            throw new ScriptException(errors);
        }

        return ReachFinder.Find(compilation);
    }

    private static SourceText Read(string fullPath)
    {
        try
        {
            return SourceText.From(File.ReadAllText(fullPath), Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScriptException([new ScriptDiagnostic(fullPath, 0, 0, "error", ScriptDiagnostic.MissingScript, $"cannot read the script: {e.Message}")], e);
        }
    }

    private CSharpCompilation CreateCompilation(SourceText text, string fullPath, PresetLocator presets)
    {
        var tree = CSharpSyntaxTree.ParseText(text, _options.Value.Parse, fullPath);
        var name = $"streambot-script-{Interlocked.Increment(ref _counter)}";
        return CSharpCompilation.CreateScriptCompilation(
            name, tree, SharedReferences.Value, _options.Value.Compilation.WithSourceReferenceResolver(new ScriptSourceResolver(presets)), previousScriptCompilation: null, returnType: typeof(object), globalsType: typeof(ScriptGlobals));
    }

    private CompiledScript Compile(SourceText text, string fullPath, PresetLocator presets)
    {
        var compilation = CreateCompilation(text, fullPath, presets);

        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        var result = compilation.Emit(image, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        var unsupported = UnsupportedFeatures.Find(compilation);
        var diagnostics = result.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !UnsupportedFeatures.IsExplainedBy(d, unsupported))
            .Concat(unsupported)
            .Select(d => ToDiagnostic(d, presets))
            .OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ToList();
        if (!result.Success || unsupported.Count > 0)
        {
            throw new ScriptException(diagnostics);
        }

        var entry = compilation.GetEntryPoint(CancellationToken.None)
            ?? throw new ScriptException([new ScriptDiagnostic(fullPath, 0, 0, "error", "SB0000", "the compiler produced no entry point")]);
        var files = compilation.SyntaxTrees.Select(t => t.FilePath).Where(p => p.Length > 0 && !EditorGlobals.IsStub(p)).Distinct(StringComparer.Ordinal).ToList();
        return new CompiledScript(
            fullPath, files, image.ToArray(), symbols.ToArray(),
            entry.ContainingType.MetadataName,
            entry.MetadataName,
            [.. diagnostics.Where(d => !d.IsError)]);
    }

    private static ScriptDiagnostic ToDiagnostic(Diagnostic d, PresetLocator presets)
    {
        var span = d.Location.GetMappedLineSpan();
        var path = span.Path ?? "";
        var severity = d.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (d.Id == "CS1504" && message.Contains(PresetLocator.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            var available = presets.Available();
            var start = message.IndexOf(PresetLocator.Prefix, StringComparison.OrdinalIgnoreCase);
            var end = message.IndexOf('\'', start);
            var preset = end > start ? message[(start + PresetLocator.Prefix.Length)..end] : message[start..];
            return new ScriptDiagnostic(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, "error", ScriptDiagnostic.UnknownPreset,
                $"unknown preset '{preset}' (available: {(available.Count == 0 ? "none found" : string.Join(", ", available))})");
        }

        return new ScriptDiagnostic(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, severity, d.Id, message);
    }

    /// <summary>The files of the assemblies scripts are compiled against: the framework's, the SDK's and the connectors' beside the host.</summary>
    internal static IReadOnlyList<string> ReferencePaths => SharedReferences.Value.OfType<PortableExecutableReference>().Select(r => r.FilePath!).ToList();

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var paths = new List<string> { typeof(object).Assembly.Location };
        paths.AddRange(FrameworkAssemblies.Select(n => trusted.TryGetValue(n, out var p) ? p : null).OfType<string>());
        paths.Add(typeof(ChatBotBuilder).Assembly.Location);
        paths.Add(typeof(ScriptGlobals).Assembly.Location);

        // Connectors (ChatBotKit.Twitch, ChatBotKit.CyTube, …) that ship beside the host are visible to
        // scripts; their builder extensions live in the ChatBotKit namespace, so no import is needed.
        // NATS.Net ships with the NATS connectors, so a script can pass its own NatsOpts or connection.
        paths.AddRange(Directory.EnumerateFiles(AppContext.BaseDirectory, "ChatBotKit*.dll")
            .Where(p => !p.EndsWith(".Tests.dll", StringComparison.Ordinal) && !p.EndsWith(".Benchmarks.dll", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "NATS.Client.Core.dll"))
            .Order(StringComparer.Ordinal));
        paths.Add(typeof(Microsoft.Extensions.AI.IChatClient).Assembly.Location);
        paths.Add(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location);

        // Bot.WithHealthCheck takes an IHealthCheck.
        paths.Add(typeof(Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck).Assembly.Location);
        return [.. paths.Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
