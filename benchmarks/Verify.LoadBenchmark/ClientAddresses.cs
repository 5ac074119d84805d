using System.Net;

namespace Verify.LoadBenchmark;

/// <summary>
/// A different loopback source address for every journey (127.0.0.0/8 is all local on Linux). The hub limits work per
/// client address (ADR 0014: 30 SSO and ACS requests a minute); real citizens come from their own addresses, and a
/// load generator on one address would be throttled at 15 journeys a minute. The hub still does all the limiting
/// work (a Redis counter per address and per RP); it just is not refused.
/// </summary>
internal static class ClientAddresses
{
    private static long _next;

    /// <summary>The next address: 127.a.b.c with a, b, c in 1..250, about 15 million before one repeats.</summary>
    public static IPAddress Next()
    {
        var n = Interlocked.Increment(ref _next) % (250L * 250 * 250);
        return new IPAddress([127, (byte)(1 + (n / 62_500)), (byte)(1 + (n / 250 % 250)), (byte)(1 + (n % 250))]);
    }
}
