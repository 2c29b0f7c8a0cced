using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Sync.Adoption;
using PsBill.Cli.Cli.Sync;

namespace PsBill.Cli.Cli.Vendors;

/// <summary><c>psbill vendors match [--apply]</c>, <c>vendors proposals</c>, <c>vendors confirm KEY VENDOR_ID</c>, <c>vendors reject KEY</c>:
/// the BILL vendors keyed in before PsBill, matched to PeopleSoft suppliers, and an operator's decisions.</summary>
internal static class VendorsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var vendors = new Command("vendors", "Match PeopleSoft suppliers to vendors already in BILL");

        var apply = new Option<bool>("--apply") { Description = "Record the proposals: sure matches confirmed, unsure ones pending for an operator" };
        var match = new Command("match", "The proposal for every approved supplier without a BILL vendor (adopt, possible, create)") { apply };
        match.SetAction((parse, token) => SyncCommandServices.RunAsync(async sp =>
            Print(await sp.GetRequiredService<VendorMatchReview>().ProposeAsync(parse.GetValue(apply), token).ConfigureAwait(false))));
        vendors.Subcommands.Add(match);

        var proposals = new Command("proposals", "The recorded proposals and decisions");
        proposals.SetAction((_, token) => SyncCommandServices.RunAsync(async sp =>
            Print(await sp.GetRequiredService<VendorMatchReview>().ListAsync(token).ConfigureAwait(false))));
        vendors.Subcommands.Add(proposals);

        var key = new Argument<string>("supplier") { Description = "The supplier key, e.g. supplier:SHARE:0000001001" };
        var vendorId = new Argument<string>("vendor") { Description = "The BILL vendor id (009...)" };
        var confirm = new Command("confirm", "This BILL vendor is the supplier's: the supplier adopts it on its next sync (or at once: psbill replay SUPPLIER)") { key, vendorId };
        confirm.SetAction((parse, token) => SyncCommandServices.RunAsync(async sp =>
            Print(await sp.GetRequiredService<VendorMatchReview>().ConfirmAsync(parse.GetRequiredValue(key), parse.GetRequiredValue(vendorId), token).ConfigureAwait(false))));
        vendors.Subcommands.Add(confirm);

        var rejectKey = new Argument<string>("supplier") { Description = "The supplier key" };
        var reject = new Command("reject", "None of the candidates is the supplier's: a new vendor is created on its next sync (or at once: psbill replay SUPPLIER)") { rejectKey };
        reject.SetAction((parse, token) => SyncCommandServices.RunAsync(async sp =>
            Print(await sp.GetRequiredService<VendorMatchReview>().RejectAsync(parse.GetRequiredValue(rejectKey), token).ConfigureAwait(false))));
        vendors.Subcommands.Add(reject);
        return vendors;
    }

    private static int Print<T>(T value)
    {
        Console.WriteLine(JsonSerializer.Serialize(value, Json));
        return 0;
    }
}
