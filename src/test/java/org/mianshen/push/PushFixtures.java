package org.mianshen.push;

import org.mianshen.batch.BatchRunner;
import org.mianshen.batch.RegistryGenerator;
import org.mianshen.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: a generated registry, a CLI run in-process. */
final class PushFixtures {
    private PushFixtures() {}

    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Path registry(Path dir, String name, long n, long seed) throws IOException {
        StringWriter w = new StringWriter();
        new RegistryGenerator(seed).write(n, BatchRunner.Format.JSONL, w);
        Path p = dir.resolve(name);
        Files.writeString(p, w.toString(), StandardCharsets.UTF_8);
        return p;
    }

    /** Copies a rule tree (the authoring example, with its texts) so a test can change a rule. */
    static Path copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t); else Files.copy(p, t);
            }
        }
        return to;
    }
}
