package org.mianshen.spark;

import org.apache.spark.sql.SparkSession;

/** One Spark in local[2] for all test classes of the run (Spark stops it at JVM exit): one start-up, not one per class. */
final class LocalSpark {
    private LocalSpark() {}

    static SparkSession session() {
        return SparkSession.builder().master("local[2]").appName("mianshen-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "localhost")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
