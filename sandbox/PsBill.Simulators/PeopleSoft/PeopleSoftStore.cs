namespace PsBill.Simulators.PeopleSoft;

/// <summary>
/// The simulated database: suppliers, vouchers, setup tables, recorded payments and journals, behind one lock.
/// Records are immutable; a change replaces the record and moves its last-changed timestamp forward.
/// </summary>
internal sealed class PeopleSoftStore
{
    private readonly object _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly SortedDictionary<(string SetId, string VendorId), SimulatedSupplier> _suppliers = new();
    private readonly SortedDictionary<(string BusinessUnit, string VoucherId), SimulatedVoucher> _vouchers = new();
    private readonly List<SimulatedSetupRow> _accounts;
    private readonly List<SimulatedSetupRow> _departments;
    private readonly List<SimulatedPayment> _payments = [];
    private readonly List<SimulatedJournal> _journals = [];
    private DateTime _latestChange;
    private int _nextPaymentId;

    public PeopleSoftStore(PeopleSoftDataSet data, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        foreach (var s in data.Suppliers) _suppliers[(s.SetId, s.VendorId)] = s;
        foreach (var v in data.Vouchers) _vouchers[(v.BusinessUnit, v.VoucherId)] = v;
        _accounts = [.. data.GlAccounts];
        _departments = [.. data.Departments];
        _latestChange = data.Suppliers.Select(s => s.ChangedAt).Concat(data.Vouchers.Select(v => v.ChangedAt)).DefaultIfEmpty(DateTime.MinValue).Max();
    }

    public T Read<T>(Func<PeopleSoftStore, T> read)
    {
        lock (_gate) return read(this);
    }

    public IReadOnlyCollection<SimulatedSupplier> Suppliers => _suppliers.Values;
    public IReadOnlyCollection<SimulatedVoucher> Vouchers => _vouchers.Values;
    public IReadOnlyList<SimulatedSetupRow> Accounts => _accounts;
    public IReadOnlyList<SimulatedSetupRow> Departments => _departments;
    public IReadOnlyList<SimulatedPayment> Payments => _payments;
    public IReadOnlyList<SimulatedJournal> Journals => _journals;

    public SimulatedVoucher? FindVoucher(string businessUnit, string voucherId)
    {
        lock (_gate) return _vouchers.GetValueOrDefault((businessUnit, voucherId));
    }

    /// <summary>Replaces a voucher through <paramref name="change"/> and stamps it changed now.</summary>
    public SimulatedVoucher ChangeVoucher(string businessUnit, string voucherId, Func<SimulatedVoucher, SimulatedVoucher> change)
    {
        lock (_gate)
        {
            var current = _vouchers.GetValueOrDefault((businessUnit, voucherId))
                ?? throw new KeyNotFoundException($"No voucher {businessUnit}/{voucherId} in the simulator.");
            var changed = change(current) with { ChangedAt = NextChange() };
            _vouchers[(businessUnit, voucherId)] = changed;
            return changed;
        }
    }

    public SimulatedSupplier ChangeSupplier(string setId, string vendorId, Func<SimulatedSupplier, SimulatedSupplier> change)
    {
        lock (_gate)
        {
            var current = _suppliers.GetValueOrDefault((setId, vendorId))
                ?? throw new KeyNotFoundException($"No supplier {setId}/{vendorId} in the simulator.");
            var changed = change(current) with { ChangedAt = NextChange() };
            _suppliers[(setId, vendorId)] = changed;
            return changed;
        }
    }

    public SimulatedVoucher AddVoucher(SimulatedVoucher voucher)
    {
        lock (_gate)
        {
            var added = voucher with { ChangedAt = NextChange() };
            if (!_vouchers.TryAdd((voucher.BusinessUnit, voucher.VoucherId), added))
                throw new InvalidOperationException($"Voucher {voucher.Key} exists already.");
            return added;
        }
    }

    public SimulatedSupplier AddSupplier(SimulatedSupplier supplier)
    {
        lock (_gate)
        {
            var added = supplier with { ChangedAt = NextChange() };
            if (!_suppliers.TryAdd((supplier.SetId, supplier.VendorId), added))
                throw new InvalidOperationException($"Supplier {supplier.Key} exists already.");
            return added;
        }
    }

    /// <summary>Adds a recorded payment (action R), noting whether it repeats one in force with the same reference.</summary>
    public SimulatedPayment RecordPayment(string businessUnit, string voucherId, string method, string reference, DateOnly date, decimal amount)
    {
        lock (_gate)
        {
            var duplicate = _payments.Any(p => p.BusinessUnit == businessUnit && p.VoucherId == voucherId &&
                                               p.Reference == reference && p.Action == "R" && p.Status == "P");
            var count = _payments.Count(p => p.BusinessUnit == businessUnit && p.VoucherId == voucherId) + 1;
            var payment = new SimulatedPayment(businessUnit, voucherId, count, (++_nextPaymentId).ToString("D10"),
                method, "R", reference, date, amount, "P", duplicate);
            _payments.Add(payment);
            return payment;
        }
    }

    /// <summary>Cancels the payments in force with this reference (action X, status V); false when there is none.</summary>
    public bool CancelPayment(string businessUnit, string voucherId, string reference)
    {
        lock (_gate)
        {
            var found = false;
            for (var i = 0; i < _payments.Count; i++)
            {
                var p = _payments[i];
                if (p.BusinessUnit != businessUnit || p.VoucherId != voucherId || p.Reference != reference || p.Action != "R") continue;
                _payments[i] = p with { Action = "X", Status = "V" };
                found = true;
            }
            return found;
        }
    }

    public SimulatedJournal AddJournal(SimulatedJournal journal, string newJournalId)
    {
        lock (_gate)
        {
            var id = journal.JournalId;
            if (id == newJournalId)
                id = (_journals.Count(j => j.BusinessUnit == journal.BusinessUnit) + 1).ToString("D10");
            var created = journal with { JournalId = id };
            _journals.Add(created);
            return created;
        }
    }

    /// <summary>Now, but always after the newest change already stored (by a microsecond, PeopleSoft's precision):
    /// a change stamped at or before a reader's checkpoint would be missed, by the connector and by PeopleSoft's own
    /// incremental queries alike, so the simulated database clock only moves forward.</summary>
    private DateTime NextChange()
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var stamp = new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Unspecified);
        if (stamp <= _latestChange) stamp = _latestChange.AddTicks(10);
        _latestChange = stamp;
        return stamp;
    }
}
