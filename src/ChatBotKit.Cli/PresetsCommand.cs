using System.CommandLine;
using ChatBotKit.Scripting;

namespace ChatBotKit.Cli;

/// <summary>
/// <c>streambot presets list | show &lt;name&gt; | add &lt;file&gt; [--trust]</c>: the presets a script can
/// <c>#load "preset:&lt;name&gt;"</c>. <c>add</c> copies a preset into the user's folder
/// (<see cref="PresetLocator.UserFolder"/>) after inspecting it: a preset that reaches outside the bot API
/// (files, processes, network, reflection, native code, environment variables) is refused, with each
/// place listed, unless <c>--trust</c> says its author is trusted.
/// </summary>
internal static class PresetsCommand
{
    public static Command Create(CommandContext context)
    {
        var io = context.IO;
        var name = new Argument<string>("name") { Description = "The preset's name, as in #load \"preset:<name>\"." };
        var file = new Argument<FileInfo>("file") { Description = "The preset's .csx file." };
        var trust = new Option<bool>("--trust") { Description = "Add it even though it reaches outside the bot API: you trust its author." };

        var list = new Command("list", "List the presets: the user's, then those shipped with the tool.");
        list.SetAction(_ => List(io, context.Compiler.Presets));
        var show = new Command("show", "Show a preset's header, its file and what it reaches outside the bot API.") { name };
        show.SetAction(r => Show(context, r.GetValue(name)!));
        var add = new Command("add", $"Inspect a preset and copy it to {PresetLocator.UserFolder}.") { file, trust };
        add.SetAction(r => Add(context, r.GetValue(file)!, r.GetValue(trust)));
        return new Command("presets", "List, show and add the presets scripts load with #load \"preset:<name>\".") { list, show, add };
    }

    /// <summary>Writes what the files <paramref name="script"/> loads reach outside the bot API, as <c>check</c> reports it.</summary>
    public static void ReportLoadedReach(CommandContext context, FileInfo script)
    {
        foreach (var reach in context.Compiler.Inspect(script.FullName).Where(r => !string.Equals(r.Path, script.FullName, StringComparison.Ordinal)))
        {
            context.IO.Out.WriteLine($"{reach} (loaded code that reaches outside the bot API)");
        }
    }

    private static int List(CliStreams io, PresetLocator presets)
    {
        foreach (var folder in presets.Folders.Where(Directory.Exists))
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*.csx").Order(StringComparer.Ordinal))
            {
                var manifest = PresetManifest.Read(path);
                io.Out.WriteLine($"{Path.GetFileNameWithoutExtension(path),-16} {manifest.Version ?? "-",-8} {manifest.Description ?? ""} ({folder})");
            }
        }

        return StreambotApp.Ok;
    }

    private static int Show(CommandContext context, string name)
    {
        var io = context.IO;
        if (context.Compiler.Presets.Find(name) is not { } path)
        {
            io.Error.WriteLine($"streambot: no preset '{name}' (available: {string.Join(", ", context.Compiler.Presets.Available())}).");
            return StreambotApp.UsageError;
        }

        var manifest = PresetManifest.Read(path);
        io.Out.WriteLine($"{manifest.Name} {manifest.Version}".TrimEnd());
        io.Out.WriteLine($"  {manifest.Description ?? "(no description)"}");
        io.Out.WriteLine($"  author: {manifest.Author ?? "(unknown)"}");
        io.Out.WriteLine($"  file: {path}");
        io.Out.WriteLine($"  needs: {(manifest.Needs.Count == 0 ? "no settings" : string.Join(", ", manifest.Needs.Select(n => n.Key)))}");
        var reach = Inspect(context, path);
        if (reach is null)
        {
            return StreambotApp.ScriptError;
        }

        io.Out.WriteLine(reach.Count == 0 ? "  reaches nothing outside the bot API" : $"  reaches outside the bot API:");
        foreach (var r in reach)
        {
            io.Out.WriteLine($"    {r}");
        }

        return StreambotApp.Ok;
    }

    private static int Add(CommandContext context, FileInfo file, bool trust)
    {
        var io = context.IO;
        if (!file.Exists || !string.Equals(file.Extension, ".csx", StringComparison.OrdinalIgnoreCase))
        {
            io.Error.WriteLine($"streambot: presets add: {file.FullName} is not a .csx file.");
            return StreambotApp.UsageError;
        }

        var manifest = PresetManifest.Read(file.FullName);
        var target = Path.Combine(PresetLocator.UserFolder, manifest.Name + ".csx");
        if (manifest.Name.IndexOfAny(['/', '\\', '.']) >= 0 || manifest.Name.Length == 0)
        {
            io.Error.WriteLine($"streambot: presets add: '{manifest.Name}' is not a preset name (letters, digits, '-' and '_').");
            return StreambotApp.UsageError;
        }

        if (File.Exists(target))
        {
            io.Error.WriteLine($"streambot: presets add: {target} exists; remove it first to replace it.");
            return StreambotApp.UsageError;
        }

        if (Inspect(context, file.FullName) is not { } reach)
        {
            return StreambotApp.ScriptError;
        }

        if (reach.Count > 0 && !trust)
        {
            io.Out.WriteLine($"{file.Name} reaches outside the bot API:");
            foreach (var r in reach)
            {
                io.Out.WriteLine($"  {r}");
            }

            io.Out.WriteLine("Not added. A preset is code from someone else: add it with --trust only if you trust its author.");
            return StreambotApp.ScriptError;
        }

        Directory.CreateDirectory(PresetLocator.UserFolder);
        File.Copy(file.FullName, target);
        io.Out.WriteLine($"added preset '{manifest.Name}' as {target}; load it with #load \"preset:{manifest.Name}\".");
        return StreambotApp.Ok;
    }

    // The preset's findings, or null (with its errors written) when it does not compile.
    private static IReadOnlyList<ScriptReach>? Inspect(CommandContext context, string path)
    {
        try
        {
            return context.Compiler.Inspect(path);
        }
        catch (ScriptException e)
        {
            CliStreams.Write(context.IO.Out, e.Diagnostics);
            return null;
        }
    }
}
