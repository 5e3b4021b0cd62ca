package org.mianshen.batch;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: generated registries and batch runs. */
final class Registries {
    private Registries() {}

    static List<String> lines(long n, long seed, BatchRunner.Format f) throws IOException {
        StringWriter w = new StringWriter();
        new RegistryGenerator(seed).write(n, f, w);
        List<String> out = new ArrayList<>(w.toString().lines().toList());
        return out;
    }

    static Path write(Path dir, String name, List<String> lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, lines, StandardCharsets.UTF_8);
        return p;
    }

    static BatchRunner.Options options(Path in, Path out, int threads, int chunk, Path rejects) {
        return new BatchRunner.Options(in.toString(), out.toString(), null, null, java.time.LocalDate.of(2022, 6, 30), null,
                threads, rejects, null, true, chunk, false, false);
    }

    static List<String> read(Path p) throws IOException {
        return Files.exists(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
    }
}
