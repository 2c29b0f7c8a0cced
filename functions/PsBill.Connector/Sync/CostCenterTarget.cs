namespace PsBill.Connector.Sync;

/// <summary>The BILL line classification the cost center fills.</summary>
public enum CostCenterTarget
{
    /// <summary><c>classifications.departmentId</c>.</summary>
    Department,

    /// <summary><c>classifications.locationId</c>.</summary>
    Location,
}
