using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChatBotKit.Scripting;

/// <summary>
/// Finds what scripts may not use and says so plainly: <c>#r</c> (the host references the SDK
/// itself) and <c>dynamic</c> (late binding is not available to scripts). The compiler's own,
/// less helpful errors on those lines are replaced by these.
/// </summary>
internal static class UnsupportedFeatures
{
    private const string ReferenceMessage =
        "#r is not supported: the ChatBotKit SDK, Microsoft.Extensions.AI and logging assemblies are referenced for you; use #load for other .csx files";

    private const string DynamicMessage =
        "'dynamic' is not supported in scripts: declare a concrete type (or var, object) instead";

    /// <summary>Host diagnostics for every <c>#r</c> and every use of <c>dynamic</c> in <paramref name="compilation"/>.</summary>
    public static List<Diagnostic> Find(CSharpCompilation compilation)
    {
        var found = new List<Diagnostic>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetCompilationUnitRoot();
            foreach (var directive in root.GetReferenceDirectives())
            {
                found.Add(Create(ScriptDiagnostic.ReferenceNotSupported, ReferenceMessage, directive.GetLocation()));
            }

            if (!tree.GetText().ToString().Contains("dynamic", StringComparison.Ordinal))
            {
                continue;
            }

            var model = compilation.GetSemanticModel(tree);
            foreach (var name in root.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText == "dynamic"))
            {
                if (model.GetTypeInfo(name).Type is { TypeKind: TypeKind.Dynamic })
                {
                    found.Add(Create(ScriptDiagnostic.DynamicNotSupported, DynamicMessage, name.GetLocation()));
                }
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="diagnostic"/> is the compiler's own complaint on a line a host diagnostic already explains.</summary>
    public static bool IsExplainedBy(Diagnostic diagnostic, IReadOnlyList<Diagnostic> explained)
    {
        if (explained.Count == 0 || diagnostic.Location.SourceTree is not { } tree)
        {
            return false;
        }

        var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
        return explained.Any(e => e.Location.SourceTree == tree && e.Location.GetLineSpan().StartLinePosition.Line == line);
    }

    private static Diagnostic Create(string code, string message, Location location) =>
        Diagnostic.Create(new DiagnosticDescriptor(code, message, message, "Scripting", DiagnosticSeverity.Error, isEnabledByDefault: true), location);
}
