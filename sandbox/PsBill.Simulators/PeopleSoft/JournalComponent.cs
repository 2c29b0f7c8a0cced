using System.Globalization;
using System.Xml.Linq;

namespace PsBill.Simulators.PeopleSoft;

/// <summary>
/// The simulated customer's journal entry CI: Create with a header and JRNL_LN rows (JOURNAL_ID NEXT numbers it),
/// Get and Find. Like the journal edit process it refuses an unbalanced journal and accounts that are not open.
/// </summary>
internal sealed class JournalComponent(PeopleSoftStore store, string name)
{
    private const string NewJournalId = "NEXT";

    public IEnumerable<XElement> Handle(CiRequest request) => request.Operation switch
    {
        "C" => Create(request),
        "G" => Get(request),
        "F" => Find(request),
        _ => throw new QasRequestException($"Operation {request.Operation} is not available on CI {name}.", parameters: name),
    };

    private IEnumerable<XElement> Create(CiRequest request)
    {
        var businessUnit = CiRequest.Required(request.Message, "BUSINESS_UNIT", name);
        var journalDate = ParseDate(CiRequest.Required(request.Message, "JOURNAL_DATE", name), "JOURNAL_DATE");
        var lines = request.Collection("JRNL_LN").Select((row, index) => new SimulatedJournalLine(
            int.TryParse(CiRequest.Field(row, "JOURNAL_LINE"), CultureInfo.InvariantCulture, out var number) ? number : index + 1,
            CiRequest.Field(row, "LEDGER") ?? "ACTUALS",
            CiRequest.Required(row, "ACCOUNT", name),
            CiRequest.Field(row, "DEPTID"),
            decimal.TryParse(CiRequest.Required(row, "MONETARY_AMOUNT", name), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
                ? amount : throw new QasRequestException($"Invalid amount in MONETARY_AMOUNT of line {index + 1}.", 91, 34, name, "MONETARY_AMOUNT"),
            CiRequest.Field(row, "JOURNAL_LN_REF"),
            CiRequest.Field(row, "LINE_DESCR"))).ToList();
        if (lines.Count == 0) throw new QasRequestException("A journal needs at least one line (JRNL_LN).", 91, 12, name, "JRNL_LN");
        var total = lines.Sum(l => l.Amount);
        if (total != 0m)
            throw new QasRequestException($"Journal is out of balance by {total.ToString(CultureInfo.InvariantCulture)}.", 5830, 11, businessUnit, total.ToString(CultureInfo.InvariantCulture));
        var today = journalDate;
        foreach (var line in lines)
        {
            var open = store.Read(s => s.Accounts.Where(a => a.Id == line.Account && a.EffectiveDate <= today).MaxBy(a => a.EffectiveDate));
            if (open is null || open.EffectiveStatus != "A")
                throw new QasRequestException($"Account {line.Account} is not valid on {today:yyyy-MM-dd}.", 5830, 20, line.Account);
        }

        var created = store.AddJournal(new SimulatedJournal(businessUnit, CiRequest.Field(request.Message, "JOURNAL_ID") ?? NewJournalId, journalDate,
            CiRequest.Field(request.Message, "LEDGER_GROUP") ?? "ACTUALS", CiRequest.Field(request.Message, "SOURCE") ?? "EXT",
            CiRequest.Field(request.Message, "DESCR254") ?? "", lines), NewJournalId);
        return Describe(created);
    }

    private IEnumerable<XElement> Get(CiRequest request)
    {
        var businessUnit = CiRequest.Required(request.Message, "BUSINESS_UNIT", name);
        var journalId = CiRequest.Required(request.Message, "JOURNAL_ID", name);
        var journal = store.Read(s => s.Journals.FirstOrDefault(j => j.BusinessUnit == businessUnit && j.JournalId == journalId))
            ?? throw new QasRequestException("No rows exist for the specified keys.", 91, 50, name, businessUnit, journalId);
        return Describe(journal);
    }

    private IEnumerable<XElement> Find(CiRequest request)
    {
        var businessUnit = CiRequest.Required(request.Message, "BUSINESS_UNIT", name);
        return store.Read(s => s.Journals.Where(j => j.BusinessUnit == businessUnit)
            .Select(j => new XElement(name, new XElement("BUSINESS_UNIT", j.BusinessUnit), new XElement("JOURNAL_ID", j.JournalId))).ToList());
    }

    private static IEnumerable<XElement> Describe(SimulatedJournal journal)
    {
        yield return new XElement("BUSINESS_UNIT", journal.BusinessUnit);
        yield return new XElement("JOURNAL_ID", journal.JournalId);
        yield return new XElement("JOURNAL_DATE", journal.JournalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return new XElement("LEDGER_GROUP", journal.LedgerGroup);
        yield return new XElement("SOURCE", journal.Source);
        yield return new XElement("JRNL_HDR_STATUS", "N");
        foreach (var line in journal.Lines)
        {
            yield return new XElement("JRNL_LN",
                new XElement("JOURNAL_LINE", line.LineNumber), new XElement("LEDGER", line.Ledger), new XElement("ACCOUNT", line.Account),
                new XElement("DEPTID", line.DeptId ?? ""), new XElement("MONETARY_AMOUNT", line.Amount.ToString(CultureInfo.InvariantCulture)),
                new XElement("JOURNAL_LN_REF", line.Reference ?? ""));
        }
    }

    private DateOnly ParseDate(string text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : throw new QasRequestException($"Invalid date {text} in {field}.", 91, 34, name, field);
}
