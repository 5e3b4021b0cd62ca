package org.mianshen.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mianshen.batch.PortableTally;
import org.mianshen.batch.Summary;
import org.mianshen.model.Measure;

import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * The run's summary, the same report as {@code batch --summary} (docs/batch.md) made by the same code: each partition
 * filled batch's tally ({@code PortableTally}) and emitted it as one row; the driver merges them. A tally is part of
 * its partition's output, so a retried task cannot count twice.
 */
final class RunSummary {
    private RunSummary() {}

    static Summary.Report of(Dataset<Row> rows, List<Measure> catalogue, JobOptions o, String rejectsPath, int threads, double seconds) {
        PortableTally total = new PortableTally(catalogue);
        for (Row r : rows.filter(col("kind").equalTo(Output.TALLY)).select("tally").collectAsList())
            total.add(PortableTally.fromBytes((byte[]) r.get(0), catalogue));
        return total.report(o.input(), o.output(), rejectsPath, String.valueOf(o.asOf()), threads, seconds);
    }
}
