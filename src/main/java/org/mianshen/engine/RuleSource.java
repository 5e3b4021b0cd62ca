package org.mianshen.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One rule file: its display path (relative to the rule tree, e.g. {@code yunnan/yunzhengbanfa-2022-42.drl})
 * and its text. Loaded from the bundled tree inside the jar or from an author's directory.
 */
public record RuleSource(String path, String text, Path location) {

    /** The rule tree bundled with mianshen (the repository's {@code rules/}, packaged as classpath {@code rules/}). */
    public static List<RuleSource> bundled() {
        // Fast path: the build step's manifest lists the files (both come from the same rules/ tree in one
        // build), so no jar file system needs to be opened.
        try {
            RulePrecompiler.Manifest m = RulePrecompiler.index();
            if (m != null && m.files() != null) {
                List<RuleSource> out = new ArrayList<>(m.files().size());
                for (String path : m.files()) {
                    try (var in = RuleSource.class.getClassLoader().getResourceAsStream("rules/" + path)) {
                        if (in == null) { out = null; break; }
                        out.add(new RuleSource(path, new String(in.readAllBytes(), StandardCharsets.UTF_8), null));
                    }
                }
                if (out != null) return Collections.unmodifiableList(out);
            }
        } catch (IOException e) {
            // fall back to walking the tree
        }
        return walkBundled();
    }

    private static List<RuleSource> walkBundled() {
        try {
            return fromDirectory(bundledRoot(), false);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled rules: " + e.getMessage(), e);
        }
    }

    /** The bundled rule tree as a directory: {@code rules/} in the jar or in the class output folder. */
    static Path bundledRoot() throws IOException {
        URL url = RuleSource.class.getClassLoader().getResource("rules");
        if (url == null) throw new IOException("the bundled rules/ tree is not on the classpath");
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) return Path.of(uri);
            FileSystem fs;
            try { fs = FileSystems.newFileSystem(uri, Map.of()); }
            catch (FileSystemAlreadyExistsException e) { fs = FileSystems.getFileSystem(uri); }
            return fs.getPath("/rules");
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** Every {@code .drl} below the directory, sorted by path so builds are reproducible. */
    public static List<RuleSource> fromDirectory(Path dir) throws IOException { return fromDirectory(dir, true); }

    private static List<RuleSource> fromDirectory(Path dir, boolean keepLocation) throws IOException {
        if (!Files.isDirectory(dir)) // a FileSystemException: the CLI reports it as bad input (exit 2)
            throw new java.nio.file.NoSuchFileException(dir.toString(), null, Files.exists(dir) ? "not a directory of rules" : "rule directory not found");
        List<RuleSource> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s.filter(x -> x.toString().endsWith(".drl")).sorted()::iterator) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                String text = Files.readString(f, StandardCharsets.UTF_8);
                out.add(new RuleSource(rel, text, keepLocation ? f.toAbsolutePath() : null));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return Collections.unmodifiableList(out);
    }
}
