package org.mianshen.cli;

import org.mianshen.batch.BatchRunner;
import org.mianshen.batch.ExportGenerator;
import org.mianshen.batch.RegistryGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Generates a realistic sample registry with a seeded generator (same seed, same file): the seed jurisdictions "
                + "(全国 elsewhere, 云南 53, 大同 1402, 河南 41, 新乡 4107, 获嘉 410724), enterprises, individual businesses and "
                + "cooperatives of every size, premises, hires, loans, designations, and some fields left unknown.", ""},
        footer = {"", "Examples:",
                "  mianshen generate 10000 -o samples/registry-10k.jsonl",
                "  mianshen generate 10000 -o samples/registry-10k.csv          # the same registry as CSV",
                "  mianshen generate 1000000 -o /tmp/registry-1m.jsonl --seed 7",
                "  mianshen generate 2000 -o samples/registry-export-2k.csv --export uscc-name",
                "  mianshen generate 1000 -o samples/registry-export-regions-1k.csv --export with-region",
                "Exit codes: 0 done, 2 bad arguments, 1 internal error."})
public final class GenerateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "N", description = "number of profiles")
    long n;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = ".jsonl or .csv (by extension); - = JSON Lines on stdout")
    String output;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed = 20220630L;

    /** The shape of a registry export (issue 10): only what a bureau's export holds, not full profiles. */
    enum Export { USCC_NAME, WITH_REGION }

    @Option(names = "--export", paramLabel = "SHAPE", converter = ExportConverter.class,
            description = "write a registry export instead of full profiles: uscc-name (USCC and name only) or with-region "
                    + "(also the registry's regionCode, retired codes included, and 企业类型 as registrationType); CSV only")
    Export export;

    static final class ExportConverter implements picocli.CommandLine.ITypeConverter<Export> {
        @Override public Export convert(String v) {
            return switch (v) {
                case "uscc-name" -> Export.USCC_NAME;
                case "with-region" -> Export.WITH_REGION;
                default -> throw new picocli.CommandLine.TypeConversionException("'" + v + "': expected uscc-name or with-region");
            };
        }
    }

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        if (n < 0) { err.println("mianshen generate: N must be ≥ 0"); return Main.BAD_INPUT; }
        BatchRunner.Format f = BatchRunner.Format.of(output);
        if (f == null) { err.println("mianshen generate: " + output + ": use .jsonl or .csv"); return Main.BAD_INPUT; }
        if (export != null && !output.equals("-") && f != BatchRunner.Format.CSV) {
            err.println("mianshen generate: --export writes CSV: name the output .csv (or - for stdout)");
            return Main.BAD_INPUT;
        }
        RegistryGenerator g = new RegistryGenerator(seed);
        ExportGenerator x = export == null ? null : new ExportGenerator(seed);
        if (output.equals("-")) {
            Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 20);
            if (x != null) x.write(n, export == Export.WITH_REGION, w); else g.write(n, f, w);
            w.flush();
            return Main.OK;
        }
        Path target = Path.of(output).toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
        try { Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--")); }
        catch (UnsupportedOperationException ignored) { }
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            if (x != null) x.write(n, export == Export.WITH_REGION, w); else g.write(n, f, w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        err.println("mianshen generate: " + String.format("%,d", n) + (x == null ? " profiles" : " export rows") + " → " + output
                + " (seed " + seed + ")");
        return Main.OK;
    }
}
