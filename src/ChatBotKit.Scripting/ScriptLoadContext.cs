using System.Reflection;
using System.Runtime.Loader;

namespace ChatBotKit.Scripting;

/// <summary>
/// A collectible context for one script generation. It loads nothing itself, so the SDK and
/// the framework come from the default context and their types stay the same types.
/// </summary>
internal sealed class ScriptLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
