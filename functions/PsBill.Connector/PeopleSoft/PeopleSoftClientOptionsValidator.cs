using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace PsBill.Connector.PeopleSoft;

/// <summary>Validates <see cref="PeopleSoftClientOptions"/> and every nested option object (DataAnnotations does not
/// descend into them), and enforces HTTPS except for a loopback host. Each error names the setting.</summary>
internal sealed class PeopleSoftClientOptionsValidator : IValidateOptions<PeopleSoftClientOptions>
{
    public ValidateOptionsResult Validate(string? name, PeopleSoftClientOptions options)
    {
        var errors = new List<string>();
        Check(options, "PsBill:PeopleSoft", errors);
        Check(options.Queries, "PsBill:PeopleSoft:Queries", errors);
        Check(options.Queries.Suppliers, "PsBill:PeopleSoft:Queries:Suppliers", errors);
        Check(options.Queries.ApprovedVouchers, "PsBill:PeopleSoft:Queries:ApprovedVouchers", errors);
        Check(options.Queries.GlAccounts, "PsBill:PeopleSoft:Queries:GlAccounts", errors);
        Check(options.Queries.Departments, "PsBill:PeopleSoft:Queries:Departments", errors);
        Check(options.Queries.VoucherPaymentStatus, "PsBill:PeopleSoft:Queries:VoucherPaymentStatus", errors);
        Check(options.ComponentInterfaces.VoucherPayment, "PsBill:PeopleSoft:ComponentInterfaces:VoucherPayment", errors);
        Check(options.ComponentInterfaces.PaymentReversal, "PsBill:PeopleSoft:ComponentInterfaces:PaymentReversal", errors);
        Check(options.ComponentInterfaces.Journal, "PsBill:PeopleSoft:ComponentInterfaces:Journal", errors);
        CheckWriteOperation(options.ComponentInterfaces.VoucherPayment, "VoucherPayment", errors);
        CheckWriteOperation(options.ComponentInterfaces.PaymentReversal, "PaymentReversal", errors);
        CheckWriteOperation(options.ComponentInterfaces.Journal, "Journal", errors);
        if (options.ComponentInterfaces.Journal.LineCollection.Length == 0)
            errors.Add("PsBill:PeopleSoft:ComponentInterfaces:Journal:LineCollection: a journal's lines go in a collection; name it.");
        Check(options.Resilience, "PsBill:PeopleSoft:Resilience", errors);

        if (options.BaseUrl is { } url)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
                errors.Add("PsBill:PeopleSoft:BaseUrl must be an absolute https:// URL.");
            else if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
                errors.Add($"PsBill:PeopleSoft:BaseUrl must use https:// (plain http is allowed only to a loopback host); it is {url.GetLeftPart(UriPartial.Authority)}.");
        }
        if (options.Resilience.TotalTimeout < options.Resilience.AttemptTimeout)
            errors.Add("PsBill:PeopleSoft:Resilience:TotalTimeout must be at least AttemptTimeout.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckWriteOperation(PeopleSoftComponentInterfaceOptions ci, string name, List<string> errors)
    {
        if (ci.Operation is PeopleSoftCiOperation.Create or PeopleSoftCiOperation.Update or PeopleSoftCiOperation.UpdateData) return;
        errors.Add($"PsBill:PeopleSoft:ComponentInterfaces:{name}:Operation: must be Create, Update or UpdateData (the operation that saves); it is {ci.Operation}.");
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    private static void Check(object instance, string section, List<string> errors)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true)) return;
        foreach (var result in results)
        {
            var members = string.Join(", ", result.MemberNames.Select(m => $"{section}:{m}"));
            errors.Add($"{members}: {result.ErrorMessage}");
        }
    }
}
