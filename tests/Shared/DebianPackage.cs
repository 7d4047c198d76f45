using System.Diagnostics;

namespace ChatBotKit.Testing;

/// <summary>
/// Finds a server program that integration tests run for real (nats-server, inspircd, promtool) and,
/// when it is missing, installs its Debian package with <c>apt-get install -y</c>, so that
/// <c>dotnet test ChatBotKit.sln</c> works on a fresh machine. Fails with a message that says exactly
/// what to install when that is not possible (not root, no apt, no package index).
/// </summary>
public static class DebianPackage
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static readonly string[] SearchPath =
        [.. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries), "/usr/sbin", "/usr/bin", "/sbin"];

    /// <summary>Returns the full path of <paramref name="program"/>, installing <paramref name="package"/> first if needed.</summary>
    public static string EnsureInstalled(string program, string package)
    {
        if (Find(program) is { } found)
        {
            return found;
        }

        InstallLock.Wait();
        try
        {
            if (Find(program) is { } installedMeanwhile)
            {
                return installedMeanwhile;
            }

            var output = AptGet($"install -y --no-install-recommends {package}");
            if (Find(program) is null)
            {
                output += AptGet("update") + AptGet($"install -y --no-install-recommends {package}");
            }

            return Find(program) ?? throw new InvalidOperationException(
                $"'{program}' is needed by these tests and is not installed. Install the Debian package " +
                $"'{package}' (as root: apt-get install -y {package}) and run the tests again. apt-get said:\n{output}");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static string? Find(string program) =>
        SearchPath.Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    private static string AptGet(string arguments)
    {
        var start = new ProcessStartInfo("apt-get", $"-o DPkg::Lock::Timeout=300 {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DEBIAN_FRONTEND"] = "noninteractive" },
        };
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return $"$ apt-get {arguments} (exit {process.ExitCode})\n{stdout}{stderr.Result}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"$ apt-get {arguments}: {e.Message}\n";
        }
    }
}
