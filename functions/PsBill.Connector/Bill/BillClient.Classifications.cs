using PsBill.Connector.Bill.Http;
using PsBill.Connector.Bill.Lists;
using PsBill.Connector.Bill.Models;

namespace PsBill.Connector.Bill;

public sealed partial class BillClient
{
    /// <summary>BILL's limit for the chart-of-accounts and department bulk creates.</summary>
    public const int MaxClassificationsPerBulk = 50;

    private const string ChartOfAccountsPath = "/v3/classifications/chart-of-accounts";
    private const string DepartmentsPath = "/v3/classifications/departments";

    /// <summary>Streams chart-of-accounts entries (GL accounts), page after page.</summary>
    public IAsyncEnumerable<ChartOfAccount> ListChartOfAccountsAsync(BillListQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync<ChartOfAccount>(BillHost.Api, ChartOfAccountsPath, query, cancellationToken);

    /// <summary>Reads one chart-of-accounts entry.</summary>
    public Task<ChartOfAccount> GetChartOfAccountAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<ChartOfAccount>(BillCall.Get(BillHost.Api, $"{ChartOfAccountsPath}/{BillCall.Segment(id)}"), cancellationToken);

    /// <summary>Creates a chart-of-accounts entry. Not retried after a lost answer.</summary>
    public Task<ChartOfAccount> CreateChartOfAccountAsync(ChartOfAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return SendAsync<ChartOfAccount>(BillCall.Create(ChartOfAccountsPath, account), cancellationToken);
    }

    /// <summary>Creates up to <see cref="MaxClassificationsPerBulk"/> chart-of-accounts entries at once, all or nothing.</summary>
    public async Task<IReadOnlyList<ChartOfAccount>> CreateChartOfAccountsInBulkAsync(IReadOnlyList<ChartOfAccount> accounts, CancellationToken cancellationToken = default)
    {
        CheckBulk(accounts, MaxClassificationsPerBulk);
        var answer = await SendAsync<ChartOfAccountBulkAnswer>(BillCall.Create($"{ChartOfAccountsPath}/bulk", accounts), cancellationToken).ConfigureAwait(false);
        return answer.ChartOfAccounts ?? [];
    }

    /// <summary>Streams departments, page after page.</summary>
    public IAsyncEnumerable<Department> ListDepartmentsAsync(BillListQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync<Department>(BillHost.Api, DepartmentsPath, query, cancellationToken);

    /// <summary>Reads one department.</summary>
    public Task<Department> GetDepartmentAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<Department>(BillCall.Get(BillHost.Api, $"{DepartmentsPath}/{BillCall.Segment(id)}"), cancellationToken);

    /// <summary>Creates a department. Not retried after a lost answer.</summary>
    public Task<Department> CreateDepartmentAsync(Department department, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(department);
        return SendAsync<Department>(BillCall.Create(DepartmentsPath, department), cancellationToken);
    }

    /// <summary>Creates up to <see cref="MaxClassificationsPerBulk"/> departments at once, all or nothing.</summary>
    public async Task<IReadOnlyList<Department>> CreateDepartmentsInBulkAsync(IReadOnlyList<Department> departments, CancellationToken cancellationToken = default)
    {
        CheckBulk(departments, MaxClassificationsPerBulk);
        var answer = await SendAsync<DepartmentBulkAnswer>(BillCall.Create($"{DepartmentsPath}/bulk", departments), cancellationToken).ConfigureAwait(false);
        return answer.Departments ?? [];
    }

    private sealed record ChartOfAccountBulkAnswer(IReadOnlyList<ChartOfAccount>? ChartOfAccounts);

    private sealed record DepartmentBulkAnswer(IReadOnlyList<Department>? Departments);
}
