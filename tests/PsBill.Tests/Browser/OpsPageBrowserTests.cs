using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Credentials;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Mappings;
using PsBill.Connector.Sync;
using PsBill.Sandbox.World;
using PsBill.Simulators.Bill;
using PsBill.Simulators.PeopleSoft;
using PsBill.Tests.EndToEnd;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Browser;

/// <summary>
/// The ops page in headless Chromium against a sandbox world, as an operator uses it: sign in (a wrong key refused first), find
/// a voucher and see its bill and its payment, fix a parked mapping and retry its group, run a poll now, restart a run; and a
/// POST from another site refused. Screenshots of the overview, a record and the attention list go to
/// <c>$PSBILL_SCREENSHOTS</c> when set (docs/screenshots is made that way).
/// </summary>
[Trait("Category", "Browser")]
public sealed class OpsPageBrowserTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task OpsPage_AnOperatorsDay_SignInFindFixRetryPollRestartAndCrossSiteRefused()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 60);
        await world.RunCycleAsync();
        var voucher = world.SendableVouchers()[0];
        var billId = (await world.Ledger().GetAsync(voucher.Key))!.RemoteId!;
        var payment = await world.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new(billId)] });
        await world.InvokeTimerAsync("PollPayments");
        await world.DrainAsync(EndToEndWorld.DrainTimeout);
        var client = await world.Flows.ClientAsync();
        var site = world.Host.BaseAddress;
        var ops = new Uri(site, "/api/ops");

        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();

        // Not signed in: the page sends the browser to the sign-in form; a wrong key is refused and opens nothing.
        await page.GotoAsync(ops);
        await page.WaitForSelectorAsync("#signin");
        await page.FillAsync("#key", "not-the-admin-key");
        await page.ClickAsync("#signin-button");
        await page.WaitForSelectorAsync("#signin-problem");
        Assert.Contains("not the admin key", await page.TextAsync("#signin-problem"), StringComparison.Ordinal);
        Assert.Equal(401, (int)(await page.EvaluateAsync("fetch('/api/ops/api/overview').then(r => r.status)"))!);

        // Sign in: the overview shows the flows, today's counts and what needs attention.
        await page.FillAsync("#key", world.Secrets[SecretNames.AdminKey]);
        await page.ClickAsync("#signin-button");
        await page.WaitForAsync("document.querySelectorAll('#overview-flows .card').length === 4");
        Assert.DoesNotContain(world.Secrets[SecretNames.AdminKey], (string)(await page.EvaluateAsync("location.href"))!, StringComparison.Ordinal);
        Assert.Contains("records need you", await page.TextAsync("#overview-attention"), StringComparison.Ordinal);
        await ShotAsync(page, "overview.png");

        // Find the voucher by its id: its bill as BILL has it, and the payment posted back.
        await page.EvaluateAsync("location.hash = '#find'");
        await page.FillAsync("#find-input", voucher.VoucherId);
        await page.ClickAsync("#find-button");
        var link = $"#find-results a[href=\"#record/{Uri.EscapeDataString(voucher.Key)}\"]";
        await page.WaitForAsync($"document.querySelector('#record-bill') || document.querySelector({BrowserPage.Js(link)})");
        if (await page.EvaluateAsync("document.querySelector('#record-bill') === null") is { } none && (bool)none) await page.ClickAsync(link);
        await page.WaitForSelectorAsync("#record-bill table");
        var bill = await page.TextAsync("#record-bill");
        Assert.Contains(billId, bill, StringComparison.Ordinal);
        Assert.Contains(voucher.InvoiceId, bill, StringComparison.Ordinal);
        var payments = await page.TextAsync("#record-payments");
        Assert.Contains(payment.Id, payments, StringComparison.Ordinal);
        Assert.Contains("done", payments, StringComparison.Ordinal);
        Assert.Contains("bill.create", await page.TextAsync("#record-trail"), StringComparison.Ordinal);
        await ShotAsync(page, "record.png");

        // Needs attention: the unmapped vouchers are grouped with what to do; fix the mapping table, then retry the group.
        await page.EvaluateAsync("location.hash = '#attention'");
        await page.WaitForSelectorAsync("#group-mapping table");
        Assert.Contains("Sync reference data now", await page.TextAsync("#group-mapping"), StringComparison.Ordinal);
        await ShotAsync(page, "attention.png");
        await MapMissingAccountAsync(world);
        await page.ClickAsync("#group-mapping [data-action=retry-cause]");
        await page.WaitForAsync("document.getElementById('confirm').open");
        await page.ClickAsync("#confirm-ok");
        await page.WaitForAsync("document.getElementById('message').innerText.includes('Retry started')");
        // The group empties as soon as the retry claims its records; they are done once the Replay orchestration has sent them.
        await page.WaitForAsync("attention().then(() => !document.getElementById('group-mapping'))", TimeSpan.FromMinutes(3));
        await world.DrainAsync(EndToEndWorld.DrainTimeout);
        foreach (var key in world.PeopleSoft.Data.VouchersOnAccountsMissingFromBill) Assert.Equal(LedgerState.Done, (await world.Ledger().GetAsync(key))!.State);

        // Run a poll now: the flow starts, the page shows it, and it completes.
        var before = (await client.GetInstanceAsync("PollVouchers"))!.LastUpdatedAt;
        await page.EvaluateAsync("location.hash = '#overview'");
        await page.ClickAsync("[data-action=run-flow][data-flow=PollVouchers]");
        await page.WaitForAsync("document.getElementById('message').innerText.includes('PollVouchers started')");
        await page.WaitForAsync("overview().then(() => document.getElementById('flow-PollVouchers').innerText.includes('Completed'))", TimeSpan.FromMinutes(3));
        Assert.True((await client.GetInstanceAsync("PollVouchers"))!.LastUpdatedAt > before);

        // Restart a run from its timeline, after confirming.
        await page.EvaluateAsync("location.hash = '#run/PollVouchers'");
        await page.WaitForSelectorAsync("#run-detail [data-action=restart]");
        var restartedFrom = (await client.GetInstanceAsync("PollVouchers"))!.LastUpdatedAt;
        await page.ClickAsync("#run-detail [data-action=restart]");
        await page.ClickAsync("#confirm-ok");
        await page.WaitForAsync("document.getElementById('message').innerText.includes('restarted')");
        await page.WaitForAsync("runDetail('PollVouchers').then(() => document.getElementById('run-status').innerText === 'Completed')", TimeSpan.FromMinutes(3));
        Assert.True((await client.GetInstanceAsync("PollVouchers"))!.LastUpdatedAt > restartedFrom);

        // Another site (localhost is not 127.0.0.1 to a browser) posts a form at the API: refused, and nothing is started.
        var replaysBefore = await CountAsync(client, "Replay");
        var otherSite = new UriBuilder(site) { Host = "localhost", Path = "/api/ops/login" }.Uri;
        await page.GotoAsync(otherSite);
        await page.EvaluateAsync(
            $"(() => {{ const f = document.createElement('form'); f.method = 'post'; f.action = {BrowserPage.Js(new Uri(site, "/api/ops/api/attention/data/retry").ToString())}; document.body.appendChild(f); f.submit(); }})()");
        await page.WaitForAsync($"location.href.startsWith({BrowserPage.Js(site.ToString())}) && document.body.innerText.includes('Admin key required')");
        Assert.Equal(replaysBefore, await CountAsync(client, "Replay"));
    }

    // The mapping overrides' way of fixing it: the missing account and department get a BILL classification in the mapping table.
    private static async Task MapMissingAccountAsync(SandboxWorld world)
    {
        var accountId = world.Bill.AddChartOfAccount("Legacy Suspense", PeopleSoftDataGenerator.AccountMissingFromBill);
        var departmentId = world.Bill.AddDepartment("Closed Projects", PeopleSoftDataGenerator.DepartmentMissingFromBill);
        var mappings = world.Services.GetRequiredService<MappingStore>();
        foreach (var setId in new[] { "SHARE", "CAN01" })
        {
            await mappings.UpsertAsync(new Mapping(MappingKinds.Account, MappingKinds.AccountSource(setId, PeopleSoftDataGenerator.AccountMissingFromBill), accountId));
            await mappings.UpsertAsync(new Mapping(MappingKinds.Department, MappingKinds.DepartmentSource(setId, PeopleSoftDataGenerator.DepartmentMissingFromBill), departmentId));
        }
    }

    private static async Task<int> CountAsync(DurableTaskClient client, string name)
    {
        var count = 0;
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            if (instance.Name == name) count++;
        }
        return count;
    }

    private static async Task ShotAsync(BrowserPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("PSBILL_SCREENSHOTS") is { Length: > 0 } wanted ? wanted : Path.Combine(Path.GetTempPath(), "psbill-browser");
        await page.ScreenshotAsync(Path.Combine(folder, name));
    }
}
