using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill.Http;
using PsBill.Connector.Bill.Resilience;
using PsBill.Connector.Credentials;

namespace PsBill.Connector.Bill.Session;

/// <summary>
/// The one BILL session of this process for the configured organization. Many callers needing a session at once
/// cause a single login (single flight); a session BILL refused is forgotten only if it is still the current one, so
/// a burst of 401s from one expiry also causes a single login. A local budget (<see cref="BillClientOptions.MaxLoginsPerHour"/>)
/// keeps a fault from ever walking the developer key towards BILL's 200 logins per hour.
/// </summary>
internal sealed class BillSessionProvider : IDisposable
{
    private readonly BillHttpChannel _channel;
    private readonly ISecretStore _secrets;
    private readonly BillResiliencePipelines _pipelines;
    private readonly BillClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BillSessionProvider> _logger;
    private readonly SemaphoreSlim _loginLock = new(1, 1);
    private readonly Queue<DateTimeOffset> _recentLogins = new();
    private BillSession? _current;

    public BillSessionProvider(BillHttpChannel channel, ISecretStore secrets, BillResiliencePipelines pipelines,
        IOptions<BillClientOptions> options, TimeProvider time, ILogger<BillSessionProvider> logger)
    {
        _channel = channel;
        _secrets = secrets;
        _pipelines = pipelines;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Logins made by this process so far (for tests and diagnostics).</summary>
    public int LoginCount { get; private set; }

    /// <summary>The current session, logging in first when there is none.</summary>
    public async ValueTask<BillSession> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _current) is { } session) return session;
        await _loginLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _current ??= await LoginAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _loginLock.Release();
        }
    }

    /// <summary>Forgets <paramref name="refused"/> if it is still the current session; the next call logs in again.</summary>
    public void Invalidate(BillSession refused)
    {
        if (Interlocked.CompareExchange(ref _current, null, refused) == refused)
            BillLog.SessionExpired(_logger, refused.OrganizationId);
    }

    /// <summary>Ends the current session at BILL (if any) and forgets it.</summary>
    public async Task LogoutAsync(CancellationToken cancellationToken = default)
    {
        var session = Interlocked.Exchange(ref _current, null);
        if (session is null) return;
        var call = BillCall.Write(HttpMethod.Post, BillHost.Api, "/v3/logout");
        try
        {
            await _channel.SendAsync(call, session, cancellationToken).ConfigureAwait(false);
        }
        catch (BillApiException ex) when (ex.Kind == BillFailureKind.SessionExpired)
        {
            // Already ended at BILL (idle expiry): nothing left to log out of.
        }
    }

    public void Dispose() => _loginLock.Dispose();

    private async Task<BillSession> LoginAsync(CancellationToken cancellationToken)
    {
        var request = new LoginRequest(
            await _secrets.GetAsync(SecretNames.BillUsername, cancellationToken).ConfigureAwait(false),
            await _secrets.GetAsync(SecretNames.BillPassword, cancellationToken).ConfigureAwait(false),
            await _secrets.GetAsync(SecretNames.BillOrganizationId, cancellationToken).ConfigureAwait(false),
            await _secrets.GetAsync(SecretNames.BillDeveloperKey, cancellationToken).ConfigureAwait(false));
        SpendLoginBudget(request.OrganizationId);

        var call = new BillCall(HttpMethod.Post, BillHost.Api, "/v3/login", BillCallKind.Login) { JsonBody = BillCall.Serialize(request) };
        var body = await _pipelines.Login.ExecuteAsync(
            static async (state, ct) => await state.channel.SendAsync(state.call, null, ct).ConfigureAwait(false),
            (channel: _channel, call), cancellationToken).ConfigureAwait(false);
        var answer = JsonSerializer.Deserialize<LoginResponse>(body, BillJson.Options);
        if (string.IsNullOrEmpty(answer?.SessionId))
            throw new BillApiException("BILL login answered without a session.", BillErrorCode.Unrecognized, 200, BillFailureKind.Authentication, call.Operation);

        LoginCount++;
        BillLog.LoggedIn(_logger, request.OrganizationId, _recentLogins.Count);
        return new BillSession(answer.SessionId, request.DevKey, answer.OrganizationId ?? request.OrganizationId, _time.GetUtcNow());
    }

    /// <summary>Counts this login against the hourly budget, or refuses it. Runs under the login lock.</summary>
    private void SpendLoginBudget(string organizationId)
    {
        var now = _time.GetUtcNow();
        while (_recentLogins.Count > 0 && now - _recentLogins.Peek() >= TimeSpan.FromHours(1)) _recentLogins.Dequeue();
        if (_recentLogins.Count >= _options.MaxLoginsPerHour)
        {
            BillLog.LoginBudgetExhausted(_logger, organizationId, _recentLogins.Count, _options.MaxLoginsPerHour);
            throw new BillApiException(
                $"The BILL login budget of this process is spent ({_options.MaxLoginsPerHour} per hour); BILL allows 200 per developer key per hour across all instances.",
                BillErrorCode.LoginBudgetExhausted, 0, BillFailureKind.Authentication, "POST /v3/login");
        }

        _recentLogins.Enqueue(now);
    }
}
