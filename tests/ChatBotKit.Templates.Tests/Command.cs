using System.Diagnostics;
using System.Text;

namespace ChatBotKit.Templates.Tests;

/// <summary>One finished run of a program: its exit code and everything it wrote.</summary>
public sealed record CommandResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}:{Environment.NewLine}{Output}";
}

/// <summary>Runs a program to its end with stdin closed, in a folder and environment of the test's choosing.</summary>
internal static class Command
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static async Task<CommandResult> RunAsync(string fileName, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} ran longer than {Limit}.");
        }

        return new CommandResult(process.ExitCode, await output + await error);
    }
}
