using PsBill.Simulators.Bill;

namespace PsBill.Sandbox.Settlement;

/// <summary>Decides, from a seed, which bills get paid and how: in full, in two parts, several in one payment, voided
/// after clearing, left scheduled; and which notifications are lost or duplicated.</summary>
internal static class PaymentPlan
{
    public static IReadOnlyList<PlannedPayment> Make(IReadOnlyList<SimulatedBill> bills, PaymentPhaseOptions options)
    {
        var random = new Random(options.Seed);
        var open = bills.Where(b => b.DueAmount > 0m && !b.Archived).OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        var paid = open.OrderBy(_ => random.Next()).Take(Math.Min(options.MaxPaidBills, (int)Math.Round(open.Count * options.PaidShare))).ToList();
        var plan = new List<PlannedPayment>();

        // Several bills of one vendor in one payment.
        var multiTarget = (int)Math.Round(paid.Count * options.MultiBillShare);
        var inMulti = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vendor in paid.GroupBy(b => b.VendorId).Where(g => g.Count() >= 2))
        {
            if (inMulti.Count >= multiTarget) break;
            var group = vendor.Take(Math.Min(3, vendor.Count())).ToList();
            foreach (var bill in group) inMulti.Add(bill.Id);
            plan.Add(new PlannedPayment(group.Select(b => new SimulatedBillPayment(b.Id, b.DueAmount)).ToList(), Delivery(random, options)));
        }

        foreach (var bill in paid.Where(b => !inMulti.Contains(b.Id)))
        {
            var roll = random.NextDouble();
            if (roll < options.PartialShare && bill.DueAmount >= 0.02m)
            {
                // 40 % now, the rest once the first part settled; cents exact, both parts positive.
                var first = Math.Max(0.01m, Math.Round(bill.DueAmount * 0.4m, 2, MidpointRounding.ToZero));
                plan.Add(new PlannedPayment([new SimulatedBillPayment(bill.Id, first)], Delivery(random, options),
                    SecondPart: new SimulatedBillPayment(bill.Id, bill.DueAmount - first)));
            }
            else if (roll < options.PartialShare + options.VoidShare)
            {
                // Delivered once: its clearing must settle before the void arrives.
                plan.Add(new PlannedPayment([new SimulatedBillPayment(bill.Id, bill.DueAmount)], WebhookDelivery.Once, VoidAfterClearing: true));
            }
            else if (roll < options.PartialShare + options.VoidShare + options.PendingShare)
            {
                plan.Add(new PlannedPayment([new SimulatedBillPayment(bill.Id, bill.DueAmount)], Delivery(random, options), Pending: true));
            }
            else
            {
                plan.Add(new PlannedPayment([new SimulatedBillPayment(bill.Id, bill.DueAmount)], Delivery(random, options)));
            }
        }
        return plan;
    }

    private static WebhookDelivery Delivery(Random random, PaymentPhaseOptions options)
    {
        var roll = random.NextDouble();
        return roll < options.LostShare ? WebhookDelivery.Lost
            : roll < options.LostShare + options.DuplicateShare ? WebhookDelivery.Twice
            : WebhookDelivery.Once;
    }
}
