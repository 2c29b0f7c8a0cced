using PsBill.Connector.Bill.Models;
using PsBill.Connector.Sync.Adoption;

namespace PsBill.Tests.Sync.Adoption;

public sealed class VendorMatcherTests
{
    private const string Marker = "SHARE:0000000007";
    private static readonly VendorMatcher Matcher = new(Microsoft.Extensions.Options.Options.Create(new AdoptionOptions()));

    private static readonly Vendor Wanted = new()
    {
        Name = "Acme Industrial Supply", Email = "ap@acme.example",
        Address = new VendorAddress { Line1 = "1 Main Street", ZipOrPostalCode = "60601" },
    };

    private static DirectoryVendor Existing(string id, string name, string? email = null, string? zip = null, string? line1 = null, string? taxId = null, string? shortName = null) =>
        DirectoryVendor.Of(new Vendor
        {
            Id = id, Name = name, Email = email, ShortName = shortName,
            Address = zip is null ? null : new VendorAddress { Line1 = line1, ZipOrPostalCode = zip },
            AdditionalInfo = taxId is null ? null : new VendorAdditionalInfo { TaxId = taxId },
        });

    [Fact]
    public void Match_SameNameAfterNormalization_IsSure()
    {
        var verdict = Matcher.Match(Wanted, Marker, null, [Existing("009a", "ACME Industrial Supply, Inc."), Existing("009b", "Harborview Catering")]);
        Assert.Equal(MatchKind.Sure, verdict.Kind);
        Assert.Equal("009a", Assert.Single(verdict.Candidates).VendorId);
        Assert.Contains("same name", verdict.Candidates[0].Reasons);
    }

    [Fact]
    public void Match_TypoWithSameEmailAndAddress_IsPossibleWithScore()
    {
        var verdict = Matcher.Match(Wanted, Marker, null, [Existing("009a", "Acme Industral Supply", "AP@acme.example", "60601", "1 Main Street")]);
        Assert.Equal(MatchKind.Possible, verdict.Kind);
        var candidate = Assert.Single(verdict.Candidates);
        Assert.InRange(candidate.Score, 45, 79);
        Assert.Contains("same email", candidate.Reasons);
        Assert.Contains("same address", candidate.Reasons);
    }

    [Fact]
    public void Match_UnrelatedVendors_IsNone()
    {
        var verdict = Matcher.Match(Wanted, Marker, null, [Existing("009a", "Harborview Catering Group 1", "ap1@harborview.test", "94105")]);
        Assert.Equal(MatchKind.None, verdict.Kind);
        Assert.Empty(verdict.Candidates);
    }

    [Fact]
    public void Match_SameNameButAnotherTaxId_IsNotSure()
    {
        var verdict = Matcher.Match(Wanted, Marker, new MatchKeys("36-1234567", null, null), [Existing("009a", "Acme Industrial Supply", taxId: "99-7654321")]);
        Assert.NotEqual(MatchKind.Sure, verdict.Kind);
    }

    [Fact]
    public void Match_OtherNameButSameTaxIdAndBankAccount_IsSure()
    {
        var existing = DirectoryVendor.Of(new Vendor
        {
            Id = "009a", Name = "Acme Supply Holdings",
            AdditionalInfo = new VendorAdditionalInfo { TaxId = "361234567" },
            PaymentInformation = new VendorPaymentInformation { BankAccount = new VendorBankAccount { AccountNumber = "xxxxx2333", RoutingNumber = "074000010" } },
        });
        var verdict = Matcher.Match(Wanted, Marker, new MatchKeys("36-1234567", "111222333", "074000010"), [existing]);
        Assert.Equal(MatchKind.Sure, verdict.Kind);
        Assert.Contains("same tax id", verdict.Candidates[0].Reasons);
        Assert.Contains("same bank account", verdict.Candidates[0].Reasons);
    }

    [Fact]
    public void Match_TwoVendorsWithTheSameName_AsksAnOperator()
    {
        var verdict = Matcher.Match(Wanted, Marker, null, [Existing("009a", "Acme Industrial Supply"), Existing("009b", "ACME INDUSTRIAL SUPPLY LLC")]);
        Assert.Equal(MatchKind.Possible, verdict.Kind);
        Assert.Equal(2, verdict.Candidates.Count);
    }

    [Fact]
    public void Match_VendorOfAnotherSupplier_IsNoCandidate_AndOwnMarkerIsSure()
    {
        Assert.Equal(MatchKind.None, Matcher.Match(Wanted, Marker, null, [Existing("009a", "Acme Industrial Supply", shortName: "CAN01:0000000007")]).Kind);
        var own = Matcher.Match(Wanted, Marker, null, [Existing("009a", "Other Name", shortName: Marker)]);
        Assert.Equal(MatchKind.Sure, own.Kind);
        Assert.Equal(100, own.Candidates[0].Score);
    }

    [Theory]
    [InlineData("Acme Industrial Supply, Inc.", "acme industrial supply")]
    [InlineData("The  A&B Company", "a and b")]
    [InlineData("Müller GmbH", "müller")]
    public void Normalize_DropsCasePunctuationAndLegalForms(string name, string expected) => Assert.Equal(expected, VendorNames.Normalize(name));
}
