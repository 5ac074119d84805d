using System.Runtime.InteropServices;

namespace Verify.Benchmarks;

/// <summary>
/// CPU time consumed by the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): on a shared, busy
/// machine it counts only the time this thread was on a core, so the quick mode can report it beside
/// wall-clock time. Null where it is not available.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static double? NowNanoseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return ClockGetTime(ClockThreadCpuTimeId, out var time) == 0 ? (time.Seconds * 1e9) + time.Nanoseconds : null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
