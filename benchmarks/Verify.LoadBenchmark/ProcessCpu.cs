using System.Globalization;

namespace Verify.LoadBenchmark;

/// <summary>
/// CPU time from Linux's <c>/proc</c>: a process's user + system time (<c>/proc/PID/stat</c> fields 14 and 15, all
/// its threads, in clock ticks), optionally with its children's (PostgreSQL's backends), and the whole machine's busy
/// and total time (<c>/proc/stat</c>). Ticks are <c>getconf CLK_TCK</c> per second (100 on Linux).
/// </summary>
internal static class ProcessCpu
{
    /// <summary>Clock ticks per second (<c>getconf CLK_TCK</c>).</summary>
    public static int TicksPerSecond { get; private set; } = 100;

    public static async Task InitialiseAsync()
    {
        var (code, output) = await VerifyCli.RunProcessAsync("getconf", ["CLK_TCK"]).ConfigureAwait(false);
        if (code == 0 && int.TryParse(output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks > 0)
        {
            TicksPerSecond = ticks;
        }
    }

    /// <summary>User + system ticks of <paramref name="pid"/> (and of its descendants), or 0 once it has gone.</summary>
    public static long Ticks(int pid, bool withDescendants = false)
    {
        var total = Read(pid) is { } own ? own.Ticks : 0;
        if (withDescendants)
        {
            var children = Directory.EnumerateDirectories("/proc")
                .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Read(p) : null)
                .Where(s => s is not null)
                .ToList();
            var family = new HashSet<int> { pid };
            for (var added = true; added;)
            {
                added = false;
                foreach (var stat in children.Where(s => !family.Contains(s!.Pid) && family.Contains(s.ParentPid)))
                {
                    family.Add(stat!.Pid);
                    total += stat.Ticks;
                    added = true;
                }
            }
        }

        return total;
    }

    /// <summary>Milliseconds of CPU in <paramref name="ticks"/>.</summary>
    public static double Milliseconds(long ticks) => ticks * 1000.0 / TicksPerSecond;

    /// <summary>The machine's (busy, total) ticks over every core, from the first line of <c>/proc/stat</c>.</summary>
    public static (long Busy, long Total) Machine()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();

        // user nice system idle iowait irq softirq steal [guest guest_nice, already counted in user and nice]
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }

    /// <summary>Resident memory of <paramref name="pid"/> in MB (<c>VmRSS</c>), or null.</summary>
    public static double? ResidentMegabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// User + system ticks of each live thread of <paramref name="pid"/> by thread id, with the thread's name (the
    /// runtime names its own: ".NET TP Worker", ".NET Tiered Com", ".NET BGC", ".NET Sockets"…).
    /// </summary>
    public static Dictionary<int, (string Name, long Ticks)> Threads(int pid)
    {
        var threads = new Dictionary<int, (string, long)>();
        IEnumerable<string> tasks;
        try
        {
            tasks = Directory.EnumerateDirectories($"/proc/{pid}/task").ToList();
        }
        catch (IOException)
        {
            return threads;
        }

        foreach (var task in tasks)
        {
            if (int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out var tid) && Read(pid, tid) is { } stat)
            {
                threads[tid] = (stat.Name, stat.Ticks);
            }
        }

        return threads;
    }

    private sealed record Stat(int Pid, int ParentPid, long Ticks, string Name);

    private static Stat? Read(int pid, int? tid = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(tid is { } thread ? $"/proc/{pid}/task/{thread}/stat" : $"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        var rest = text[(close + 2)..].Split(' ');

        // rest[0] is field 3 (state): ppid is field 4, utime field 14, stime field 15.
        return new Stat(
            pid,
            int.Parse(rest[1], CultureInfo.InvariantCulture),
            long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture),
            text[(open + 1)..close]);
    }
}
