using PsBill.Connector.Bill.Http;
using PsBill.Connector.Bill.Models;

namespace PsBill.Connector.Bill;

public sealed partial class BillClient
{
    /// <summary>Describes the current session (<c>GET /v3/login/session</c>), logging in first if needed.</summary>
    public Task<BillSessionDetails> GetSessionDetailsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<BillSessionDetails>(BillCall.Get(BillHost.Api, "/v3/login/session"), cancellationToken);

    /// <summary>Ends this process's session at BILL (<c>POST /v3/logout</c>); the next call logs in again.</summary>
    public Task LogoutAsync(CancellationToken cancellationToken = default) => _sessions.LogoutAsync(cancellationToken);
}
