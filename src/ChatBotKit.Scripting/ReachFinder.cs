using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChatBotKit.Scripting;

/// <summary>
/// Finds, by the symbols a script binds to (not by its text), where it reaches outside the bot API:
/// files, processes, network, reflection, native code and environment variables. An alias, a
/// <c>using static</c> or a fully qualified name finds the same symbol.
/// </summary>
internal static class ReachFinder
{
    // Types of System.IO that touch no file system: in-memory streams, readers and path arithmetic.
    private static readonly HashSet<string> HarmlessIo =
    [
        "System.IO.Stream", "System.IO.MemoryStream", "System.IO.TextReader", "System.IO.TextWriter",
        "System.IO.StringReader", "System.IO.StringWriter", "System.IO.BinaryReader", "System.IO.BinaryWriter",
        "System.IO.Path", "System.IO.IOException", "System.IO.SeekOrigin", "System.IO.InvalidDataException",
    ];

    private static readonly HashSet<string> ReflectionMembers =
    [
        "System.Type.GetType", "System.Type.GetMethod", "System.Type.GetMethods", "System.Type.GetField", "System.Type.GetFields",
        "System.Type.GetProperty", "System.Type.GetProperties", "System.Type.GetMember", "System.Type.GetMembers",
        "System.Type.InvokeMember", "System.Type.GetConstructor", "System.Type.GetConstructors", "System.Type.Assembly",
        "System.Activator.CreateInstance", "System.AppDomain.CurrentDomain",
    ];

    public static List<ScriptReach> Find(CSharpCompilation compilation)
    {
        var found = new List<ScriptReach>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (Classify(node, model) is { } reach)
                {
                    var span = node.GetLocation().GetMappedLineSpan();
                    found.Add(new ScriptReach(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, reach.Kind, reach.Symbol));
                }
            }
        }

        // One finding per kind and line, naming the most specific symbol: `File.ReadAllText` is one use, not `File` and the call.
        return
        [
            .. found.GroupBy(f => (f.Path, f.Line, f.Kind))
                .Select(g => g.MaxBy(f => f.Symbol.Length)! with { Column = g.Min(f => f.Column) })
                .OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column),
        ];
    }

    private static (ScriptReachKind Kind, string Symbol)? Classify(SyntaxNode node, SemanticModel model)
    {
        switch (node)
        {
            case MethodDeclarationSyntax method when method.Modifiers.Any(SyntaxKind.ExternKeyword):
                return (ScriptReachKind.NativeCode, $"extern {method.Identifier.ValueText}");
            case UnsafeStatementSyntax or PointerTypeSyntax or FunctionPointerTypeSyntax:
                return (ScriptReachKind.NativeCode, "unsafe code");
            case SimpleNameSyntax name:
                return model.GetSymbolInfo(name).Symbol is { } symbol ? Classify(symbol) : null;
            default:
                return null;
        }
    }

    private static (ScriptReachKind Kind, string Symbol)? Classify(ISymbol symbol)
    {
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (type is null)
        {
            return null;
        }

        var typeName = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));
        var name = symbol is INamedTypeSymbol ? typeName : $"{typeName}.{symbol.Name}";
        var space = type.ContainingNamespace?.ToDisplayString() ?? "";
        if (typeName == "ChatBotKit.Scripting.ScriptGlobals" && symbol.Name == nameof(ScriptGlobals.Env))
        {
            return (ScriptReachKind.EnvironmentVariables, "Env");
        }

        if (typeName == "System.Environment")
        {
            return symbol.Name switch
            {
                "GetEnvironmentVariable" or "GetEnvironmentVariables" or "SetEnvironmentVariable" or "ExpandEnvironmentVariables" => (ScriptReachKind.EnvironmentVariables, name),
                "Exit" or "FailFast" => (ScriptReachKind.Processes, name),
                _ => null,
            };
        }

        return space switch
        {
            "System.IO" when !HarmlessIo.Contains(typeName) => (ScriptReachKind.Files, name),
            _ when typeName.StartsWith("System.Diagnostics.Process", StringComparison.Ordinal) => (ScriptReachKind.Processes, name),
            _ when space == "System.Net" || space.StartsWith("System.Net.", StringComparison.Ordinal) || space.StartsWith("NATS.", StringComparison.Ordinal) => (ScriptReachKind.Network, name),
            _ when space.StartsWith("System.Reflection", StringComparison.Ordinal) || space == "System.Runtime.Loader" || ReflectionMembers.Contains(name) => (ScriptReachKind.Reflection, name),
            _ when space == "System.Runtime.InteropServices" || space == "System.Runtime.CompilerServices" && typeName.StartsWith("System.Runtime.CompilerServices.Unsafe", StringComparison.Ordinal) => (ScriptReachKind.NativeCode, name),
            _ => null,
        };
    }
}
