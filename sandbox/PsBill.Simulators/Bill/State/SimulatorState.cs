using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

namespace PsBill.Simulators.Bill.State;

/// <summary>Everything the simulator knows: organizations, sessions, counters, and how it makes ids and times.</summary>
internal sealed class SimulatorState
{
    private readonly ConcurrentDictionary<string, SimulatedOrganization> _organizations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _loginsByDevKey = new(StringComparer.Ordinal);
    private readonly Random _random;
    private long _nextId;

    public SimulatorState(BillSimulatorOptions options)
    {
        Options = options;
        _random = options.RandomSeed is { } seed ? new Random(seed) : new Random();
        foreach (var credentials in options.Credentials) Organization(credentials.OrganizationId);
    }

    public BillSimulatorOptions Options { get; }
    public BillSimulatorFaults Faults { get; } = new();
    public SimulatorCounters Counters { get; } = new();
    public IEnumerable<SimulatedOrganization> Organizations => _organizations.Values;

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    /// <summary>The clock as BILL writes it: ISO-8601 UTC with milliseconds.</summary>
    public string NowText => Timestamp(Now);

    public static string Timestamp(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public SimulatedOrganization Organization(string id) => _organizations.GetOrAdd(id, static key => new SimulatedOrganization(key));

    /// <summary>A new BILL-looking id: the object's prefix, then a unique number.</summary>
    public string NewId(string prefix) => prefix + Interlocked.Increment(ref _nextId).ToString("D17", CultureInfo.InvariantCulture);

    public double NextRandom()
    {
        lock (_random) return _random.NextDouble();
    }

    public SimulatedSession OpenSession(SimulatedCredentials credentials)
    {
        var session = new SimulatedSession(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), Organization(credentials.OrganizationId), credentials, Now);
        _sessions[session.Id] = session;
        return session;
    }

    /// <summary>The session if it exists and has not been idle too long; an idle one is ended here (BILL says nothing until the next call).</summary>
    public SimulatedSession? FindLiveSession(string? sessionId)
    {
        if (sessionId is null || !_sessions.TryGetValue(sessionId, out var session)) return null;
        lock (session)
        {
            if (Now - session.LastActivity > Options.SessionIdleTimeout)
            {
                _sessions.TryRemove(session.Id, out _);
                return null;
            }

            session.LastActivity = Now;
            return session;
        }
    }

    public void EndSession(string sessionId) => _sessions.TryRemove(sessionId, out _);

    public void EndAllSessions() => _sessions.Clear();

    /// <summary>Counts a login for the developer key in the current clock hour; false past <see cref="BillSimulatorOptions.HourlyLoginLimit"/>.</summary>
    public bool TryCountLogin(string devKey)
    {
        var logins = _loginsByDevKey.GetOrAdd(devKey, static _ => []);
        lock (logins)
        {
            var now = Now;
            logins.RemoveAll(at => now - at >= TimeSpan.FromHours(1));
            if (logins.Count >= Options.HourlyLoginLimit) return false;
            logins.Add(now);
            return true;
        }
    }
}
