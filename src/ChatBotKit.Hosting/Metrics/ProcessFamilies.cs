using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ChatBotKit.Hosting.Metrics;

/// <summary>
/// The standard Prometheus process families that dashboards look for by name
/// (<c>process_cpu_seconds_total</c>, <c>process_resident_memory_bytes</c>, …), read from the
/// process itself at each scrape.
/// </summary>
internal static class ProcessFamilies
{
    public static void Write(StringBuilder output)
    {
        using var process = Process.GetCurrentProcess();
        Family(output, "process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.", process.TotalProcessorTime.TotalSeconds);
        Family(output, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.", process.WorkingSet64);
        Family(output, "process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.", process.VirtualMemorySize64);
        Family(output, "process_start_time_seconds", "gauge", "Start time of the process since the Unix epoch in seconds.", new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0);
        if (OpenFileDescriptors() is { } open)
        {
            Family(output, "process_open_fds", "gauge", "Number of open file descriptors.", open);
        }
    }

    private static int? OpenFileDescriptors()
    {
        try
        {
            return OperatingSystem.IsLinux() ? Directory.GetFileSystemEntries("/proc/self/fd").Length : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void Family(StringBuilder output, string name, string type, string help, double value) =>
        output.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n')
            .Append(name).Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
}
