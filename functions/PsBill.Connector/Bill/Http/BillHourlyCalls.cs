namespace PsBill.Connector.Bill.Http;

/// <summary>
/// Counts this process's BILL call attempts in the current clock hour (UTC), the window of BILL's hourly quota
/// (<c>BDC_1144</c>, 20,000 per developer key per organization). Other processes on the same key count on their own, so
/// the figure is a floor of the organization's use; an alert on it warns before BILL starts refusing.
/// </summary>
public sealed class BillHourlyCalls(TimeProvider time)
{
    private readonly object _sync = new();
    private DateTimeOffset _hour;
    private long _count;

    /// <summary>Counts one attempt.</summary>
    public void Record()
    {
        lock (_sync)
        {
            Roll();
            _count++;
        }
    }

    /// <summary>Attempts made so far in the current hour, and the hour they belong to.</summary>
    public (DateTimeOffset Hour, long Calls) Current()
    {
        lock (_sync)
        {
            Roll();
            return (_hour, _count);
        }
    }

    private void Roll()
    {
        var now = time.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        if (hour == _hour) return;
        _hour = hour;
        _count = 0;
    }
}
