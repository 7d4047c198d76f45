using System.CommandLine;
using ChatBotKit.Scripting;

namespace ChatBotKit.Cli;

/// <summary>
/// <c>streambot init [folder]</c>: editor support for the bot scripts in a folder. Writes
/// <see cref="EditorGlobals.RelativePath"/> (the script globals for completion, made for this version of
/// the tool) and, when missing, an <c>omnisharp.json</c> that turns on C# script support for OmniSharp.
/// <c>run</c>, <c>chat</c> and <c>check</c> refresh the stub themselves for a script that loads it.
/// </summary>
internal static class InitCommand
{
    private const string OmniSharpSettings = """
        {
          "script": {
            "enabled": true,
            "defaultTargetFramework": "net10.0",
            "enableScriptNuGetReferences": false
          }
        }

        """;

    public static Command Create(CliStreams io)
    {
        var folder = new Argument<DirectoryInfo?>("folder") { Description = "The folder with bot.csx (default: the current folder).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("init", $"Write editor support beside the scripts: {EditorGlobals.RelativePath} (what a bot.csx sees, for completion) and omnisharp.json.") { folder };
        command.SetAction(r => Run(io, r.GetValue(folder)?.FullName ?? Directory.GetCurrentDirectory()));
        return command;
    }

    /// <summary>Refreshes the stub beside <paramref name="script"/> when the script loads it; says so when it wrote it.</summary>
    public static void RefreshFor(FileInfo script, CliStreams io)
    {
        if (script.Exists && script.DirectoryName is { } folder && File.ReadAllText(script.FullName).Contains(EditorGlobals.RelativePath, StringComparison.Ordinal) && EditorGlobals.Write(folder))
        {
            io.Status($"wrote {EditorGlobals.RelativePath} for editors (streambot {EditorGlobals.Version}).");
        }
    }

    private static int Run(CliStreams io, string folder)
    {
        if (!Directory.Exists(folder))
        {
            io.Error.WriteLine($"streambot: init: no such folder: {folder}");
            return StreambotApp.UsageError;
        }

        var globals = EditorGlobals.Write(folder) ? "wrote" : "kept (up to date)";
        io.Out.WriteLine($"{globals} {Path.Combine(folder, EditorGlobals.RelativePath)}");
        var omniSharp = Path.Combine(folder, "omnisharp.json");
        if (!File.Exists(omniSharp))
        {
            File.WriteAllText(omniSharp, OmniSharpSettings);
            io.Out.WriteLine($"wrote {omniSharp}");
        }

        io.Out.WriteLine($"Start bot.csx with: #load \"{EditorGlobals.RelativePath}\" and keep .streambot/ out of version control.");
        return StreambotApp.Ok;
    }
}
