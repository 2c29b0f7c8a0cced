using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.Storage;

/// <summary>Storage naming, bound from <c>PsBill:Storage</c>. The account itself comes from <c>AzureWebJobsStorage</c>
/// (see <see cref="StorageConnection"/>), the same setting the Functions host uses.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section under <c>PsBill</c>.</summary>
    public const string Section = "Storage";

    /// <summary>
    /// Prefix of every table, queue and container name, so several environments can share one account
    /// (setting <c>PsBill__Storage__Prefix</c>; default <c>psbill</c>). Lowercase letters and digits, starting
    /// with a letter, 3 to 24 characters: table names allow nothing else.
    /// </summary>
    [Required]
    [RegularExpression("^[a-z][a-z0-9]{2,23}$", ErrorMessage = "must be 3 to 24 lowercase letters or digits, starting with a letter (table names allow nothing else)")]
    public string Prefix { get; set; } = "psbill";
}
