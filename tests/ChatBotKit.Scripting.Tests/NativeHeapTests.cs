using System.Runtime.InteropServices;
using FluentAssertions;
using Xunit;

namespace ChatBotKit.Scripting.Tests;

public sealed class NativeHeapTests
{
    [Fact]
    public void Trim_AfterNativeMemoryWasFreed_GivesItBackToTheSystem()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        const int Blocks = 64 * 1024;
        var ones = Enumerable.Repeat((byte)1, 1024).ToArray();
        var blocks = new nint[Blocks];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(ones.Length);
            Marshal.Copy(ones, 0, blocks[i], ones.Length);
        }

        // Free all but the last block: the freed 64 MB lie below a block in use, so free() alone keeps them resident.
        for (var i = 0; i < blocks.Length - 1; i++)
        {
            Marshal.FreeHGlobal(blocks[i]);
        }

        var before = ResidentKilobytes();
        NativeHeap.Trim();
        var after = ResidentKilobytes();
        Marshal.FreeHGlobal(blocks[^1]);

        (before - after).Should().BeGreaterThan(32 * 1024, "the 64 MB freed above go back to the system");
    }

    private static long ResidentKilobytes() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}
