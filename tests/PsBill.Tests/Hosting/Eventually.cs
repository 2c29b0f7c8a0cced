namespace PsBill.Tests.Hosting;

/// <summary>Waits (real time, short steps) for something a background host does.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, Action? step = null)
    {
        var deadline = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromSeconds(15)).TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            if (await condition()) return true;
            step?.Invoke();
            await Task.Delay(20);
        }
        return await condition();
    }

    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null, Action? step = null) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, step);
}
