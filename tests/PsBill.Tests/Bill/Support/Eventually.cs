using System.Diagnostics;

namespace PsBill.Tests.Bill.Support;

/// <summary>Waits, on the real clock, for something another task does.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, double seconds = 10)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed.TotalSeconds > seconds) throw new TimeoutException("The condition did not become true in time.");
            await Task.Delay(10);
        }
    }
}
