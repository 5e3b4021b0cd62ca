package org.mianshen.spark;

import org.mianshen.engine.ResultAssembler;
import org.mianshen.engine.RuleEngine;
import org.mianshen.engine.RuleSource;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which rules a run matches with, as it travels from the driver to the executors. A {@code KieBase} is not
 * serialisable, so what travels is this small description: the as-of date and either nothing (the bundled rules,
 * precompiled into the job jar, are on every executor's classpath) or the texts of an author's {@code --rules DIR}
 * read once on the driver. Each executor JVM builds the engine once, on first use, and every task in that JVM
 * shares it ({@link #engine()}); a task only opens its own session on it.
 */
public final class Rules implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LocalDate asOf;
    /** path and text of each .drl of --rules DIR (with the bundled ones first for --with-bundled); null = bundled. */
    private final ArrayList<String[]> sources;
    private final String key;

    private Rules(LocalDate asOf, ArrayList<String[]> sources) {
        this.asOf = asOf;
        this.sources = sources;
        this.key = asOf + "/" + (sources == null ? "bundled" : digest(sources));
    }

    /** The bundled rules (in the job jar). */
    public static Rules bundled(LocalDate asOf) { return new Rules(asOf, null); }

    /** An author's rule tree, read here (on the driver) so the executors need no access to the directory. */
    public static Rules fromDirectory(LocalDate asOf, Path dir, boolean withBundled) throws IOException {
        ArrayList<String[]> texts = new ArrayList<>();
        List<RuleSource> all = new ArrayList<>();
        if (withBundled) all.addAll(RuleSource.bundled());
        all.addAll(RuleSource.fromDirectory(dir));
        for (RuleSource s : all) texts.add(new String[]{s.path(), s.text()});
        return new Rules(asOf, texts);
    }

    public LocalDate asOf() { return asOf; }

    public boolean isBundled() { return sources == null; }

    /** The engine for this run, built at most once per JVM (driver or executor) and shared by its tasks. */
    public RuleEngine engine() { return ENGINES.computeIfAbsent(key, k -> build()); }

    /** One engine per as-of and rule tree per JVM; computeIfAbsent makes concurrent tasks wait for the one build. */
    private static final ConcurrentHashMap<String, RuleEngine> ENGINES = new ConcurrentHashMap<>();

    /**
     * The batch form (each rule fires once per chunk for all the enterprises it matched) with only the rules that
     * can grant an entitlement on the as-of date, as {@code batch} matches (AsOfNetworkEquivalenceTest: the same
     * grants as the whole network).
     */
    private RuleEngine build() {
        if (sources == null) return RuleEngine.bundledForBatch(asOf, ResultAssembler.Selection.ENTITLEMENTS);
        List<RuleSource> rs = new ArrayList<>(sources.size());
        for (String[] s : sources) rs.add(new RuleSource(s[0], s[1], null));
        return RuleEngine.compileForBatch(rs, asOf, ResultAssembler.Selection.ENTITLEMENTS);
    }

    private static String digest(List<String[]> sources) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String[] s : sources) {
                md.update(s[0].getBytes(StandardCharsets.UTF_8)); md.update((byte) 0);
                md.update(s[1].getBytes(StandardCharsets.UTF_8)); md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
