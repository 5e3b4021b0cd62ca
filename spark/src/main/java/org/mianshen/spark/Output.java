package org.mianshen.spark;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rows the matching emits, one schema for the three kinds so one pass over the registry gives them all:
 * {@code E} one per enterprise × entitlement (the registry contract), {@code N} one per enterprise entitled to
 * nothing (counted, not written), {@code R} one per rejected row (the rejects output), {@code S} one per partition
 * carrying batch's summary tally of that partition ({@code PortableTally}, merged on the driver).
 */
final class Output {
    static final String ENTITLEMENT = "E", NOTHING = "N", REJECT = "R", TALLY = "S";

    static final StructType ALSO = new StructType()
            .add("measure_id", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("amount_yuan", DataTypes.LongType)
            .add("missing", new ArrayType(DataTypes.StringType, false));

    static final StructType SCHEMA = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("uscc", DataTypes.StringType)
            .add("jurisdiction", DataTypes.StringType)
            .add("rank", DataTypes.IntegerType)
            .add("measure_id", DataTypes.StringType)
            .add("family", DataTypes.StringType)
            .add("delivery", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("amount_yuan", DataTypes.LongType)
            .add("amount_period", DataTypes.StringType)
            .add("amount_missing", new ArrayType(DataTypes.StringType, false))
            .add("missing", new ArrayType(DataTypes.StringType, false))
            .add("also_based_on", new ArrayType(ALSO, false))
            .add("as_of", DataTypes.DateType)
            .add("warnings", DataTypes.IntegerType)
            .add("field", DataTypes.StringType)
            .add("value", DataTypes.StringType)
            .add("reason", DataTypes.StringType)
            .add("raw", DataTypes.StringType)
            .add("tally", DataTypes.BinaryType);

    /** The registry contract columns of the entitlements output (the partition column is added when writing). */
    static final String[] ENTITLEMENT_COLUMNS = {"uscc", "rank", "measure_id", "family", "delivery", "status", "amount_yuan",
            "amount_period", "amount_missing", "missing", "also_based_on", "as_of"};

    static final String[] REJECT_COLUMNS = {"uscc", "field", "value", "reason", "raw"};

    private Output() {}
}
