package org.mianshen.engine;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.mvel.DrlDumper;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.mianshen.io.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Build step (Maven {@code process-classes}): compiles the bundled rule tree to the Drools executable
 * model, so `match` starts without compiling DRL (ARCHITECTURE §5: ~0.5 s instead of ~3 s). Writes the
 * generated classes and {@code precompiled/manifest.json} (model class, catalogue, fingerprint of the
 * sources) into the class output directory. The engine uses them only when the fingerprint matches the
 * bundled rules; otherwise it compiles the DRL at run time. The constraints the engine adds
 * (jurisdiction, validity) are in the descriptors before they are dumped, so both paths run the same rules.
 *
 * <p>Usage: {@code RulePrecompiler RULES_DIR CLASSES_DIR}
 */
public final class RulePrecompiler {
    static final String MANIFEST = "precompiled/manifest.json";
    /** The same fingerprint, files and model classes as plain lines, readable before Jackson has started. */
    static final String INDEX = "precompiled/index.txt";

    /** What the build step leaves for the engine. */
    public record Manifest(String fingerprint, List<String> files, List<String> modelClasses, List<String> batchModelClasses,
                           List<org.mianshen.model.Measure> catalogue) {}

    public static void main(String[] args) throws Exception {
        Path rules = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        long t0 = System.nanoTime();
        List<RuleSource> sources = RuleSource.fromDirectory(rules).stream()
                .map(s -> new RuleSource(s.path(), s.text(), null)).toList();
        // Two forms of the same rules (RuleTree.collectPerChunk): as written for one profile (match, test: the
        // set-oriented form costs ~50 ms more start-up) and once per chunk for batch. The batch form's
        // packages get their own name so the two generated models do not share class names.
        RuleTree tree = RuleTree.parse(sources, false);
        RuleTree batchTree = RuleTree.parse(sources, true);
        if (!tree.problems().isEmpty()) throw new RuleTreeException(tree.problems());
        for (PackageDescr p : batchTree.packages()) p.setName(p.getName() + BATCH_PACKAGE_SUFFIX);
        java.util.Set<String> written = new java.util.HashSet<>();
        List<String> models = extract(build(tree, sources, "bundled-rules"), classes, written);
        List<String> batchModels = extract(build(batchTree, sources, "bundled-rules-batch"), classes, written);

        Path manifest = classes.resolve(MANIFEST);
        Files.createDirectories(manifest.getParent());
        Manifest out = new Manifest(fingerprint(sources), sources.stream().map(RuleSource::path).toList(), models, batchModels,
                tree.measures());
        Json.MAPPER.writeValue(manifest.toFile(), out);   // compact: parsed at every start
        StringBuilder index = new StringBuilder("fingerprint ").append(out.fingerprint()).append('\n');
        for (String f : out.files()) index.append("file ").append(f).append('\n');
        for (String c : out.modelClasses()) index.append("model ").append(c).append('\n');
        for (String c : out.batchModelClasses()) index.append("batchmodel ").append(c).append('\n');
        Files.writeString(classes.resolve(INDEX), index, StandardCharsets.UTF_8);
        System.out.printf("precompiled %d rules in %d files to the executable model (one-profile and batch forms) in %.1f s%n",
                tree.measures().size(), sources.size(), (System.nanoTime() - t0) / 1e9);
    }

    /** Appended to the batch form's package names. */
    static final String BATCH_PACKAGE_SUFFIX = ".batch";

    /**
     * Writes a build's classes below {@code classes} and returns its model classes. A class the other
     * form already wrote must be byte-identical (shared domain metadata), or the build fails.
     */
    private static List<String> extract(KieBuilder kb, Path classes, java.util.Set<String> written) throws IOException {
        byte[] kjar = ((InternalKieModule) kb.getKieModule()).getBytes();
        List<String> models = List.of();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kjar))) {
            for (ZipEntry en; (en = zip.getNextEntry()) != null; ) {
                if (en.isDirectory()) continue;
                String name = en.getName();
                byte[] bytes = zip.readAllBytes();
                if (name.endsWith(".class")) {
                    Path out = classes.resolve(name);
                    if (!written.add(name) && !java.util.Arrays.equals(Files.readAllBytes(out), bytes))
                        throw new IllegalStateException("the two rule forms generate different classes named " + name);
                    Files.createDirectories(out.getParent());
                    Files.write(out, bytes);
                } else if (name.endsWith("/drools-model")) {
                    models = new String(bytes, StandardCharsets.UTF_8).lines()
                            .map(String::trim).filter(l -> !l.isEmpty() && !l.contains(":")).toList();
                }
            }
        }
        if (models.isEmpty()) throw new IllegalStateException("the executable model lists no model class");
        return models;
    }

    /** Compiles a parsed tree (engine constraints already in its descriptors) to the executable model, in memory. */
    private static KieBuilder build(RuleTree tree, List<RuleSource> sources, String artifact) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId rid = ks.newReleaseId("org.mianshen", artifact, "1");
        kfs.generateAndWritePomXML(rid);
        List<PackageDescr> pkgs = tree.packages();
        for (int i = 0; i < pkgs.size(); i++) {
            String drl = new DrlDumper().dump(pkgs.get(i));
            kfs.write("src/main/resources/org/mianshen/rules/" + sources.get(i).path().replace('/', '_'), drl);
        }
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = kb.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) throw new IllegalStateException("executable model build failed: " + errors);
        return kb;
    }

    /** SHA-256 over the rule files' paths and texts. */
    public static String fingerprint(List<RuleSource> sources) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (RuleSource s : sources) {
                md.update(s.path().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(s.text().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The index of the precompiled model without its catalogue (null when absent). Plain text, so the
     * engine can start loading the model while the main thread is still starting Jackson.
     */
    static Manifest index() throws IOException {
        var in = RulePrecompiler.class.getClassLoader().getResourceAsStream(INDEX);
        if (in == null) return null;
        String fingerprint = null;
        List<String> files = new java.util.ArrayList<>(), models = new java.util.ArrayList<>(), batchModels = new java.util.ArrayList<>();
        try (in) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int sp = line.indexOf(' ');
                if (sp < 0) continue;
                String key = line.substring(0, sp), value = line.substring(sp + 1).trim();
                switch (key) {
                    case "fingerprint" -> fingerprint = value;
                    case "file" -> files.add(value);
                    case "model" -> models.add(value);
                    case "batchmodel" -> batchModels.add(value);
                    default -> { }
                }
            }
        }
        return fingerprint == null ? null : new Manifest(fingerprint, files, models, batchModels, null);
    }

    /** The manifest on the classpath, or null when the rules were not precompiled. */
    static Manifest manifest() throws IOException {
        var in = RulePrecompiler.class.getClassLoader().getResourceAsStream(MANIFEST);
        if (in == null) return null;
        try (in) { return Json.MAPPER.readValue(in, Manifest.class); }
    }
}
