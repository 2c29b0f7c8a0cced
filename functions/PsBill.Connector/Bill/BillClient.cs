using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using PsBill.Connector.Bill.Http;
using PsBill.Connector.Bill.Lists;
using PsBill.Connector.Bill.Resilience;
using PsBill.Connector.Bill.Session;

namespace PsBill.Connector.Bill;

/// <summary>
/// The BILL v3 API for one organization: vendors, bills, classifications, payments and webhook subscriptions.
/// Every call shares this process's one session, passes the call gate (at most N calls in flight per organization
/// across all processes) and the resilience rules of <see cref="BillResiliencePipelines"/>. Failures surface as
/// <see cref="BillApiException"/>; a create whose answer was lost surfaces with <see cref="BillApiException.IsOutcomeUnknown"/>.
/// Register with <see cref="BillServiceCollectionExtensions.AddBillClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>.
/// </summary>
public sealed partial class BillClient
{
    private static readonly ResiliencePropertyKey<BillSession> SessionUsed = new("psbill.bill.session");
    private readonly BillHttpChannel _channel;
    private readonly BillSessionProvider _sessions;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger<BillClient> _logger;

    internal BillClient(BillHttpChannel channel, BillSessionProvider sessions, BillResiliencePipelines pipelines, ILogger<BillClient> logger)
    {
        _channel = channel;
        _sessions = sessions;
        _logger = logger;
        _pipeline = pipelines.ForCalls(ForgetRefusedSession);
    }

    /// <summary>Logins this process has made (one per BILL session; for diagnostics and tests).</summary>
    public int LoginCount => _sessions.LoginCount;

    private ValueTask ForgetRefusedSession(ResilienceContext context)
    {
        if (context.Properties.TryGetValue(SessionUsed, out var refused)) _sessions.Invalidate(refused);
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs one call through the pipeline and returns BILL's answer as <typeparamref name="T"/>.</summary>
    private async Task<T> SendAsync<T>(BillCall call, CancellationToken cancellationToken)
    {
        var body = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<T>(body, BillJson.Options)
                   ?? throw new JsonException("The answer was empty.");
        }
        catch (JsonException ex)
        {
            var kind = call.Kind == BillCallKind.Create ? BillFailureKind.OutcomeUnknown : BillFailureKind.Rejected;
            throw new BillApiException($"BILL answered {call.Operation} with a body the client cannot read: {ex.Message}",
                BillErrorCode.Unrecognized, 200, kind, call.Operation, innerException: ex);
        }
    }

    private async Task<byte[]> SendAsync(BillCall call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    var session = await state.Sessions.GetAsync(ctx.CancellationToken).ConfigureAwait(false);
                    ctx.Properties.Set(SessionUsed, session);
                    return await state.Channel.SendAsync(state.Call, session, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                new CallState(_sessions, _channel, call)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Streams every result of a list call, following <c>nextPage</c> until BILL gives none.</summary>
    private async IAsyncEnumerable<T> ListAsync<T>(BillHost host, string path, BillListQuery? query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parameters = (query ?? new BillListQuery()).ToQueryParameters().ToList();
        string? page = null;
        do
        {
            var call = BillCall.Get(host, path, page is null ? parameters : [.. parameters, new("page", page)]);
            var result = await SendAsync<BillListPage<T>>(call, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Results ?? []) yield return item;
            if (result.NextPage is not null && result.NextPage == page)
            {
                BillLog.RepeatedPageToken(_logger, call.Operation);
                yield break;
            }

            page = string.IsNullOrEmpty(result.NextPage) ? null : result.NextPage;
        }
        while (page is not null);
    }

    private sealed record CallState(BillSessionProvider Sessions, BillHttpChannel Channel, BillCall Call);
}
