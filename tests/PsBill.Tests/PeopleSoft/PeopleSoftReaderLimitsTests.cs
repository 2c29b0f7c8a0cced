using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Credentials;
using PsBill.Connector.PeopleSoft;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.PeopleSoft;

/// <summary>What the reader does at the edges of the customer's queries: a record larger than a response, a query that
/// lacks a column, settings that clear a default.</summary>
public sealed class PeopleSoftReaderLimitsTests
{
    [Fact]
    public async Task ReadApprovedVouchersAsync_TenThousandLineVoucherAmongNormalOnes_ParkedNamingVoucherAndLimitAndTheFeedGoesOn()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(new PeopleSoftGeneratorOptions { Suppliers = 10, Vouchers = 60, MalformedVouchers = 0 });
        var normal = host.Simulator.GetVouchers().Where(v => v.IsApproved).ToList();
        var big = host.Simulator.AddVoucher(LargeVouchers.WithDistributions(normal[0], "09999999", 10_000));
        // Changed after the big one: they come after it in the feed.
        foreach (var later in normal.Take(5)) host.Simulator.ChangeVoucher(later.BusinessUnit, later.VoucherId, v => v with { DueDate = v.DueDate.AddDays(1) });

        var results = await host.Reader.ReadApprovedVouchersAsync().ToListAsync();

        var parked = Assert.Single(results, r => !r.IsSuccess);
        Assert.Equal(big.Key, parked.Error!.RecordKey);
        Assert.Equal("MaxRows", parked.Error.Field);
        Assert.Contains("(1000) of query PSB_APPROVED_VOUCHERS", parked.Error.Reason);
        Assert.Contains("PsBill:PeopleSoft:Queries:ApprovedVouchers:MaxRows", parked.Error.Reason);
        Assert.Equal(normal.Select(v => v.Key).Order(StringComparer.Ordinal), results.Where(r => r.IsSuccess).Select(r => r.Record!.Key).Order(StringComparer.Ordinal));
        // The five changed after it were read after it, and the checkpoint moved past it.
        Assert.Equal(normal.Take(5).Select(v => v.Key).Order(StringComparer.Ordinal),
            results.SkipWhile(r => r.IsSuccess).Skip(1).Select(r => r.Record!.Key).Order(StringComparer.Ordinal));
        Assert.True(parked.Checkpoint!.CompareTo(results[0].Checkpoint) > 0);
    }

    [Fact]
    public async Task ReadSuppliersAsync_QueryWithoutAddressColumns_FailsAtFirstReadNamingQueryAndColumn()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(configureSimulator: options =>
            options.OmittedColumns[PeopleSoftSimulatorQueries.Suppliers] = ["ADDRESS1", "ADDRESS2", "CITY", "STATE", "POSTAL", "COUNTRY", "EMAILID"]);

        var error = await Assert.ThrowsAsync<PeopleSoftException>(async () => await host.Reader.ReadSuppliersAsync().ToListAsync());

        Assert.Equal((PeopleSoftErrorKind.Configuration, PeopleSoftQueryColumns.MissingColumn), (error.Kind, error.Code));
        Assert.Contains("Query PSB_SUPPLIERS does not return column ADDRESS1", error.Message);
        Assert.Contains("PsBill:PeopleSoft:Queries:Suppliers:Name", error.Message);
        Assert.Equal(1, host.Simulator.GetFigures().Calls);
    }

    [Fact]
    public async Task GetVoucherPaymentStatusAsync_QueryWithoutReference_FailsNamingQueryAndColumn()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(configureSimulator: options =>
            options.OmittedColumns[PeopleSoftSimulatorQueries.VoucherPayments] = ["PYMNT_ID_REF"]);
        var voucher = host.Simulator.GetVouchers().First(v => v.IsApproved && v.RawOverrides is null);
        await host.Writer.RecordVoucherPaymentAsync(new PeopleSoftPaymentRecord(voucher.BusinessUnit, voucher.VoucherId, "ACH", "C-1", new DateOnly(2026, 1, 2), 1m));

        var error = await Assert.ThrowsAsync<PeopleSoftException>(() => host.Reader.GetVoucherPaymentStatusAsync(voucher.BusinessUnit, voucher.VoucherId));

        Assert.Contains("Query PSB_VOUCHER_PAYMENTS does not return column PYMNT_ID_REF", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("none")]
    public async Task AddPeopleSoftClient_AfterKeyPromptsClearedInTheEnvironment_SendsOnlyTheChangedSincePrompt(string cleared)
    {
        // The binding every host uses (AddPeopleSoftClient(IConfiguration)), fed the way the hosts get app settings.
        await using var simulator = await PeopleSoftSimulator.StartAsync(new PeopleSoftSimulatorOptions
        {
            Generator = new PeopleSoftGeneratorOptions { Suppliers = 10, Vouchers = 50, RecordsPerTimestamp = 3 },
        });
        var prefix = $"PSBTEST{Guid.NewGuid():N}_";
        var variables = new Dictionary<string, string>
        {
            ["PsBill__PeopleSoft__BaseUrl"] = simulator.BaseUrl.ToString(),
            ["PsBill__PeopleSoft__Queries__ApprovedVouchers__Name"] = PeopleSoftSimulatorQueries.ApprovedVouchersSince,
            ["PsBill__PeopleSoft__Queries__ApprovedVouchers__AfterKeyPrompts"] = cleared,
            ["PsBill__PeopleSoft__Queries__ApprovedVouchers__MaxRows"] = "40",
        };
        foreach (var (name, value) in variables) Environment.SetEnvironmentVariable(prefix + name, value);
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            await using var services = new ServiceCollection().AddLogging()
                .AddSingleton<ISecretStore>(new InMemorySecretStore(new Dictionary<string, string>
                {
                    [SecretNames.PeopleSoftOperatorId] = simulator.Options.OperatorId,
                    [SecretNames.PeopleSoftPassword] = simulator.Options.Password,
                }))
                .AddPeopleSoftClient(configuration).BuildServiceProvider();
            var reader = services.GetRequiredService<PeopleSoftReader>();

            var results = await reader.ReadApprovedVouchersAsync().ToListAsync();

            var expected = simulator.GetVouchers().Where(v => v.IsApproved).Select(v => v.Key).Order(StringComparer.Ordinal);
            Assert.Equal(expected, results.Select(r => r.Record?.Key ?? r.Error!.RecordKey).Order(StringComparer.Ordinal));
            Assert.Empty(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PeopleSoftClientOptions>>().Value.Queries.ApprovedVouchers.AfterKeyPromptList);
        }
        finally
        {
            foreach (var name in variables.Keys) Environment.SetEnvironmentVariable(prefix + name, null);
        }
    }
}
