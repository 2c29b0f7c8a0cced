using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using PsBill.Simulators.Bill.State;

namespace PsBill.Simulators.Bill.Http;

/// <summary>
/// What happens to every call before and after its endpoint, in BILL's order: count it; let logins and the health
/// check through; require a live session and its developer key (<c>BDC_1109</c>); refuse the 4th concurrent call
/// of an organization (<c>BDC_1322</c>) and calls past the hourly quota (<c>BDC_1144</c>); spend the configured
/// latency; inject faults. The answer is buffered and the call leaves the in-flight count before the client can
/// read it, so a client that starts its next call on receipt is never counted twice.
/// Rate-limit refusals are answered 400: BILL's status for them is unconfirmed, and a client must decide on the code.
/// </summary>
internal sealed partial class CallAdmission(SimulatorState state)
{
    public const string OrganizationItem = "bill.organization";
    public const string SessionItem = "bill.session";
    private const int RateLimitStatus = 400;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        Interlocked.Increment(ref state.Counters.Calls);
        state.Counters.RecordCall(context.Request.Method, context.Request.Path.Value ?? "/");
        if (IsOpen(context.Request))
        {
            await SpendLatencyAsync(context.RequestAborted).ConfigureAwait(false);
            await next(context).ConfigureAwait(false);
            return;
        }

        var session = state.FindLiveSession(context.Request.Headers["sessionId"].FirstOrDefault());
        if (session is null)
        {
            Interlocked.Increment(ref state.Counters.RejectedSession);
            await SimulatedAnswer.ErrorAsync(context, 401, state.NowText, SimulatedErrorCodes.SessionInvalid, "Session is invalid. Please log in.").ConfigureAwait(false);
            return;
        }

        if (!string.Equals(context.Request.Headers["devKey"].FirstOrDefault(), session.Credentials.DeveloperKey, StringComparison.Ordinal))
        {
            await SimulatedAnswer.ErrorAsync(context, 401, state.NowText, SimulatedErrorCodes.InvalidDeveloperKey, "Invalid developer key.").ConfigureAwait(false);
            return;
        }

        var organization = session.Organization;
        context.Items[OrganizationItem] = organization;
        context.Items[SessionItem] = session;
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var drop = false;
        var inFlight = Interlocked.Increment(ref organization.InFlight);
        try
        {
            state.Counters.RecordConcurrency(inFlight);
            drop = await AdmitAndRunAsync(context, next, organization, inFlight).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref organization.InFlight);
            context.Response.Body = original;
        }

        if (drop && context.Response.StatusCode is >= 200 and < 300)
        {
            Interlocked.Increment(ref state.Counters.DroppedResponses);
            if (state.Faults.DropMode == CommitThenDropMode.Abort)
            {
                context.Abort();
                return;
            }

            Interlocked.Increment(ref state.Counters.ServerErrors);
            await SimulatedAnswer.ErrorAsync(context, 500, state.NowText, SimulatedErrorCodes.ServerError, "An unexpected error occurred.", "SERVER").ConfigureAwait(false);
            return;
        }

        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Runs the call if it is admitted; true when its answer is to be dropped after it commits.</summary>
    private async Task<bool> AdmitAndRunAsync(HttpContext context, RequestDelegate next, SimulatedOrganization organization, int inFlight)
    {
        if (inFlight > state.Options.MaxConcurrentCallsPerOrganization || state.Faults.TakeRateLimitBurst())
        {
            Interlocked.Increment(ref state.Counters.RejectedConcurrency);
            await SimulatedAnswer.ErrorAsync(context, RateLimitStatus, state.NowText, SimulatedErrorCodes.TooManyConcurrent,
                "Maximum number of concurrent API requests per developer key per organization has been reached.").ConfigureAwait(false);
            return false;
        }

        if (!organization.TryCountCall(state.Now, state.Options.HourlyCallQuota))
        {
            Interlocked.Increment(ref state.Counters.RejectedQuota);
            await SimulatedAnswer.ErrorAsync(context, RateLimitStatus, state.NowText, SimulatedErrorCodes.HourlyQuota,
                "Maximum number of API requests per developer key per hour has been reached.").ConfigureAwait(false);
            return false;
        }

        await SpendLatencyAsync(context.RequestAborted).ConfigureAwait(false);
        if (state.Faults.TakeServerError() || Chance(state.Faults.ServerErrorRate))
        {
            Interlocked.Increment(ref state.Counters.ServerErrors);
            await SimulatedAnswer.ErrorAsync(context, 500, state.NowText, SimulatedErrorCodes.ServerError, "An unexpected error occurred.", "SERVER").ConfigureAwait(false);
            return false;
        }

        var drop = IsCreate(context.Request) && (state.Faults.TakeDroppedCreate() || Chance(state.Faults.CommitThenDropRate));
        await next(context).ConfigureAwait(false);
        return drop;
    }

    private bool Chance(double rate) => rate > 0 && state.NextRandom() < rate;

    private async Task SpendLatencyAsync(CancellationToken cancellationToken)
    {
        var latency = state.Options.Latency;
        if (state.Options.LatencyJitter > TimeSpan.Zero) latency += state.Options.LatencyJitter * state.NextRandom();
        // Real time on purpose: a test on a fake clock must not stall here.
        if (latency > TimeSpan.Zero) await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsOpen(HttpRequest request) =>
        request.Path.Equals("/connect/v3/login", StringComparison.OrdinalIgnoreCase) && HttpMethods.IsPost(request.Method)
        || request.Path.Equals("/connect/v3/health", StringComparison.OrdinalIgnoreCase);

    private static bool IsCreate(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && CreatePath().IsMatch(request.Path.Value ?? "");

    [GeneratedRegex("^/connect/v3/(vendors|bills|classifications/[a-z-]+)(/bulk|/record-payment)?$", RegexOptions.IgnoreCase)]
    private static partial Regex CreatePath();
}
