using System.Runtime.InteropServices;

namespace ChatBotKit.Scripting;

/// <summary>
/// Hands the C heap's free memory back to the system. Compiling and unloading a script makes the
/// runtime allocate and free native memory (type data, metadata, the compiler's native buffers) from
/// glibc's per-thread arenas, which keep freed pages resident; over a day of reloads that reads as
/// slowly growing memory. <c>malloc_trim(0)</c> releases the free pages of every arena. It exists in
/// glibc only: elsewhere (musl, macOS, Windows) this does nothing.
/// </summary>
internal static class NativeHeap
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    public static void Trim()
    {
        if (_unavailable)
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
