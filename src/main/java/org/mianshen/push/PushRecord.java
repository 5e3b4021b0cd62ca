package org.mianshen.push;

import org.mianshen.model.Delivery;
import org.mianshen.model.Grant;

import java.time.LocalDate;
import java.util.List;

/**
 * One enterprise of a batch output as push, diff, notify and the report see it: who it is and, per entitlement, only
 * what differs between enterprises. The measures' constant data (title, basis, authority, validity, confirm items)
 * comes from the rule catalogue ({@link Catalogue}). {@link ResultLines} makes one from any batch output line.
 *
 * @param regionCode GB/T 2260 code where it operates (null = unknown)
 * @param asOf       the run's evaluation date, when the line says it
 */
public record PushRecord(String uscc, String name, String regionCode, String scale, Boolean smallLowProfit,
                         LocalDate asOf, List<Item> items) {

    /** One entitlement: its primary measure (the list it belongs to) and the other measures granting the same benefit. */
    public record Item(String measureId, String family, Delivery delivery, Grant.Status status, Long amountYuan,
                       List<String> missing, List<String> confirm, List<String> alsoBasedOn) {
        public boolean eligible() { return status == Grant.Status.ELIGIBLE; }
    }

    /** The entitlement of this measure, or null. */
    public Item item(String measureId) {
        for (Item i : items) if (i.measureId().equals(measureId)) return i;
        return null;
    }
}
