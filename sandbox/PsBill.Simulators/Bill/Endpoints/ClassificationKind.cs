using PsBill.Simulators.Bill.State;

namespace PsBill.Simulators.Bill.Endpoints;

/// <summary>What differs between the classification lists: path, name, id prefix, bulk answer key, storage.</summary>
internal sealed record ClassificationKind(string Path, string Name, string IdPrefix, string BulkKey, Func<SimulatedOrganization, RecordSet> Records)
{
    public static ClassificationKind ChartOfAccounts { get; } = new("chart-of-accounts", "Chart of accounts", "0ca", "chartOfAccounts", o => o.ChartOfAccounts);
    public static ClassificationKind Departments { get; } = new("departments", "Department", "0de", "departments", o => o.Departments);
}
