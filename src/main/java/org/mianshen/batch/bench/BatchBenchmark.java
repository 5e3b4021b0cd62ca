package org.mianshen.batch.bench;

import org.mianshen.batch.BatchRunner;
import org.mianshen.batch.ChunkProcessor;
import org.mianshen.batch.Contract;
import org.mianshen.batch.RegistryGenerator;
import org.mianshen.batch.ResultFormat;
import org.mianshen.engine.Deriver;
import org.mianshen.engine.RuleEngine;
import org.mianshen.reference.RiskAreas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The batch benchmark (docs/batch.md): generates a seeded registry and measures, in the same run,
 * through the same pipeline (reader, chunks, workers, ordered writer, file output):
 * <ol>
 *   <li>the I/O floor: Jackson parse + write of the same input, same threads, no matching;</li>
 *   <li>the naive baseline: one {@code StatelessKieSession.execute} per profile;</li>
 *   <li>the engine ceiling: the floor plus validate, derive and match, but no results written — the bound
 *       for any output contract;</li>
 *   <li>{@code batch} end to end, exactly as the CLI runs it;</li>
 * </ol>
 * and, with {@code --rss}, the peak RSS (VmHWM) of {@code mianshen batch} in a fresh JVM per size.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp target/mianshen.jar org.mianshen.batch.bench.BatchBenchmark --rows 1000000 --rss 1000000,5000000
 * </pre>
 * Options: --rows N (1000000), --threads N (processors), --seed S, --dir DIR (java.io.tmpdir),
 * --as-of DATE (2022-06-30), --warmup N (100000), --naive-rows N (= rows), --rss N,N,… (off), --keep,
 * --rss-java-opts "OPTS" (JVM options of the RSS probes, e.g. -Xmx1g), --chunk ROWS (250), --out FILE (/dev/null: with the current rule tree a result line is ~85 KB, 1 M rows would be ~85 GB).
 */
public final class BatchBenchmark {
    public static void main(String[] args) throws Exception {
        long rows = 1_000_000, warmup = 100_000, naiveRows = -1, seed = 20220630L;
        int threads = Runtime.getRuntime().availableProcessors();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        LocalDate asOf = LocalDate.of(2022, 6, 30);
        List<Long> rss = new ArrayList<>();
        boolean keep = false;
        Path out = Path.of("/dev/null");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--as-of" -> asOf = LocalDate.parse(args[++i]);
                case "--warmup" -> warmup = Long.parseLong(args[++i].replace("_", ""));
                case "--naive-rows" -> naiveRows = Long.parseLong(args[++i].replace("_", ""));
                case "--rss-java-opts" -> rssJavaOpts = args[++i];
                case "--rss" -> { for (String s : args[++i].split(",")) rss.add(Long.parseLong(s.strip().replace("_", ""))); }
                case "--keep" -> keep = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--chunk" -> chunk = Integer.parseInt(args[++i]);
                default -> { System.err.println("unknown option " + args[i]); System.exit(2); }
            }
        }
        if (naiveRows < 0) naiveRows = rows;
        System.out.printf(Locale.ROOT, "# mianshen batch benchmark — %s, %d cores (%s %s), Java %s, max heap %d MB%n",
                java.time.OffsetDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("# cpu: " + cpuModel() + "; load average at start: " + loadAverage());

        long t = System.nanoTime();
        RuleEngine whole = RuleEngine.bundledForBatch();
        System.out.printf(Locale.ROOT, "rules loaded: %d (compiled in %.1f s)%n", whole.catalogue().size(), (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        // what `batch` runs: the network of the day (rules in force on asOf, no SUPPORT, no draft)
        RuleEngine engine = RuleEngine.bundledForBatch(asOf, org.mianshen.engine.ResultAssembler.Selection.ENTITLEMENTS);
        System.out.printf(Locale.ROOT, "network of %s built in %.1f s%n", asOf, (System.nanoTime() - t) / 1e9);
        System.out.println("  whole tree:         " + org.mianshen.engine.NetworkStats.of(whole));
        System.out.println("  network of the day: " + org.mianshen.engine.NetworkStats.of(engine));

        Path registry = generate(dir, rows, seed);
        Path warm = generate(dir, warmup, seed + 1);
        Path naiveInput = naiveRows == rows ? registry : generate(dir, naiveRows, seed);

        Deriver deriver = new Deriver(asOf, RiskAreas.none());
        ResultFormat jsonl = ResultFormat.of(BatchRunner.Format.JSONL);
        ChunkProcessor.Factory floor = Baselines.ioFloor();
        ChunkProcessor.Factory naive = Baselines.naive(RuleEngine.bundled(), deriver, jsonl);
        ChunkProcessor.Factory ceiling = Baselines.engineCeiling(engine, deriver);
        ChunkProcessor.Factory ceilingWhole = Baselines.engineCeiling(whole, deriver);

        System.out.printf("warm-up: %,d rows through each of floor, naive, batch%n", warmup);
        run(engine, warm, out, asOf, threads, floor);
        run(engine, warm, out, asOf, threads, naive);
        run(engine, warm, out, asOf, threads, ceiling);
        run(engine, warm, out, asOf, threads, ceilingWhole);
        for (Contract k : Contract.values()) run(engine, warm, out, asOf, threads, null, k);

        System.out.printf(Locale.ROOT, "%nmeasured: %,d-row registry (%s, %,d MB), %d worker threads, %d profiles per chunk, as of %s%n", rows,
                registry.getFileName(), Files.size(registry) >> 20, threads, chunk, asOf);
        Measure f = run(engine, registry, out, asOf, threads, floor);
        print("I/O floor (Jackson parse + write, no matching)", f, f, null);
        Baselines.GRANTS.set(0);
        Measure ecw = run(whole, registry, out, asOf, threads, ceilingWhole);
        print("engine ceiling, whole tree (before: every rule)", ecw, f, null);
        System.out.printf(Locale.ROOT, "  grants (rule firings) per profile: %.1f%n", Baselines.GRANTS.get() / (double) Math.max(1, ecw.rows));
        Baselines.GRANTS.set(0);
        Measure ec = run(engine, registry, out, asOf, threads, ceiling);
        print("engine ceiling, network of the day", ec, f, null);
        System.out.printf(Locale.ROOT, "  grants (rule firings) per profile: %.1f%n", Baselines.GRANTS.get() / (double) Math.max(1, ec.rows));
        Measure nv = run(engine, naiveInput, out, asOf, threads, naive);
        print("naive (StatelessKieSession.execute per profile)", nv, f, null);
        Measure r = run(engine, registry, out, asOf, threads, null, Contract.REGISTRY);
        print("batch end to end (registry contract, the default)", r, f, nv);
        Measure c = run(engine, registry, out, asOf, threads, null, Contract.COMPACT);
        print("batch end to end (--compact)", c, f, nv);
        Measure b = run(engine, registry, out, asOf, threads, null, Contract.FULL);
        print("batch end to end (--full)", b, f, nv);
        System.out.printf(Locale.ROOT, "ratios: batch (registry) / I/O floor = %.3f; engine ceiling (day) / I/O floor = %.3f; engine ceiling (whole tree) / I/O floor = %.3f; "
                        + "batch (registry) / naive = %.2f; --compact / floor = %.3f; --full / floor = %.3f; naive / I/O floor = %.3f%n",
                r.rate() / f.rate(), ec.rate() / f.rate(), ecw.rate() / f.rate(), r.rate() / nv.rate(), c.rate() / f.rate(), b.rate() / f.rate(), nv.rate() / f.rate());
        System.out.printf(Locale.ROOT, "output bytes per profile: floor %,d, naive %,d, registry %,d (+ measures file once), --compact %,d, --full %,d%n",
                f.outBytes / Math.max(1, f.rows), nv.outBytes / Math.max(1, nv.rows), r.outBytes / Math.max(1, r.rows),
                c.outBytes / Math.max(1, c.rows), b.outBytes / Math.max(1, b.rows));
        if (Files.isRegularFile(out)) Files.deleteIfExists(out);
        System.out.println("output written to " + out + (out.toString().equals("/dev/null") ? " (every mode: the results are large, see BENCHMARKS.md)" : ""));

        for (long n : rss) {
            Path reg = n == rows ? registry : generate(dir, n, seed);
            probe(reg, out, asOf, threads, n);
            if (!keep && n != rows) Files.deleteIfExists(reg);
        }
        if (!keep) { Files.deleteIfExists(registry); Files.deleteIfExists(warm); if (naiveInput != registry) Files.deleteIfExists(naiveInput); }
        System.exit(0);
    }

    record Measure(long rows, double seconds, long outBytes) {
        double rate() { return rows / seconds; }
    }

    static int chunk = BatchRunner.DEFAULT_CHUNK;

    private static Measure run(RuleEngine engine, Path in, Path out, LocalDate asOf, int threads, ChunkProcessor.Factory p) throws IOException {
        return run(engine, in, out, asOf, threads, p, Contract.FULL);
    }

    private static Measure run(RuleEngine engine, Path in, Path out, LocalDate asOf, int threads, ChunkProcessor.Factory p,
                               Contract contract) throws IOException {
        System.gc();
        var o = new BatchRunner.Options(in.toString(), out.toString(), null, null, asOf, RiskAreas.none(), threads, null, null,
                true, chunk, false, false, false, contract, false);
        BatchRunner r = new BatchRunner(engine, o, new PrintWriter(System.err, true));
        if (p != null) r.processor(p);
        long t0 = System.nanoTime();
        BatchRunner.Result res = r.run();
        double s = (System.nanoTime() - t0) / 1e9;
        if (res.exitCode() != 0) throw new IllegalStateException("run failed: " + res.message());
        return new Measure(res.report().rowsRead(), s, res.bytesWritten());
    }

    private static void print(String what, Measure m, Measure floor, Measure naive) {
        System.out.printf(Locale.ROOT, "  %-50s %,10d profiles/s  (%,d rows in %.2f s; %.2f x floor%s)%n", what, Math.round(m.rate()),
                m.rows, m.seconds, m.rate() / floor.rate(), naive == null ? "" : String.format(Locale.ROOT, "; %.2f x naive", m.rate() / naive.rate()));
    }

    /** Generates (or reuses) a seeded registry of n rows. */
    static Path generate(Path dir, long n, long seed) throws IOException {
        Path p = dir.resolve("bench-registry-" + n + "-" + seed + ".jsonl");
        if (Files.exists(p)) return p;
        Path tmp = dir.resolve(p.getFileName() + ".partial");
        long t = System.nanoTime();
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            new RegistryGenerator(seed).write(n, BatchRunner.Format.JSONL, w);
        }
        Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "generated %s (%,d rows, seed %d) in %.1f s%n", p.getFileName(), n, seed, (System.nanoTime() - t) / 1e9);
        return p;
    }

    /** JVM options of the RSS probes (--rss-java-opts, e.g. "-Xmx1g"); empty = the JVM's defaults. */
    static String rssJavaOpts = "";

    /** Peak RSS of `mianshen batch` on the registry, in a fresh JVM (default heap settings unless --rss-java-opts). */
    private static void probe(Path registry, Path out, LocalDate asOf, int threads, long n) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        for (String opt : rssJavaOpts.trim().split("\\s+")) if (!opt.isEmpty()) cmd.add(opt);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), RssProbe.class.getName(),
                registry.toString(), out.toString(), asOf.toString(), String.valueOf(threads)));
        System.out.println("RSS probe: " + String.join(" ", cmd.subList(0, cmd.indexOf("-cp"))) + " … batch " + registry.getFileName());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            while ((line = r.readLine()) != null) System.out.printf("peak RSS, batch on %,d rows: %s%n", n, line);
        }
        p.waitFor();
        if (Files.isRegularFile(out)) Files.deleteIfExists(out);
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo")))
                if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).strip();
        } catch (IOException ignored) { }
        return "?";
    }

    static String loadAverage() {
        try { return Files.readString(Path.of("/proc/loadavg")).strip(); } catch (IOException e) { return "?"; }
    }
}
