package org.mianshen.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianshen.batch.BatchRunner;
import org.mianshen.batch.RegistryGenerator;
import org.mianshen.io.Json;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `batch --resume`: a run killed with SIGKILL (no shutdown hook, as a power loss) at random points and resumed each
 * time ends with exactly the files an uninterrupted run writes — output, measures file and rejects byte for byte, the
 * summary's counts equal (its timing aside). A resume with another as-of or contract is refused.
 */
class ResumeTest {
    @TempDir Path dir;

    private static final String[] RUN = {"batch", "../r.jsonl", "-o", "out.jsonl", "--rejects", "rej.jsonl", "--summary", "sum.json",
            "--as-of", "2022-06-30", "--chunk-size", "50", "--threads", "2", "-q"};

    private Process start(Path cwd, long pauseMs, boolean resume, Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dmianshen.batch.pauseAfterChunkMs=" + pauseMs,
                "-Dmianshen.batch.checkpointMs=0", Main.class.getName()));
        cmd.addAll(List.of(RUN));
        if (resume) cmd.add("--resume");
        return new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void aRunKilledAtRandomPointsAndResumedEndsWithTheUninterruptedRunsFiles() throws Exception {
        StringWriter w = new StringWriter();
        new RegistryGenerator(31).write(5000, BatchRunner.Format.JSONL, w);
        List<String> rows = new ArrayList<>(w.toString().lines().toList());
        for (int i = 0; i < 20; i++) rows.add(137 + i * 241, i % 2 == 0 ? "{\"uscc\":\"not a uscc\"}" : "not json " + i);   // rejects all along
        Files.write(dir.resolve("r.jsonl"), rows, StandardCharsets.UTF_8);
        Path clean = Files.createDirectories(dir.resolve("clean")), killed = Files.createDirectories(dir.resolve("killed"));

        Process c = start(clean, 0, false, dir.resolve("clean.log"));
        assertThat(c.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(c.exitValue()).as(Files.readString(dir.resolve("clean.log"))).isZero();

        Random random = new Random(20221202L ^ System.nanoTime());
        int kills = 0, resumedFromCheckpoint = 0;
        for (int attempt = 0; kills < 5 && attempt < 12; attempt++) {
            Path log = dir.resolve("attempt-" + attempt + ".log");
            String before = checkpoint(killed);
            Process p = start(killed, 100, attempt > 0, log);
            // once this attempt has made progress (a new checkpoint), a random point: mid-chunk, mid-checkpoint, between them
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && checkpoint(killed).equals(before) && System.nanoTime() < deadline) Thread.sleep(10);
            Thread.sleep(random.nextInt(1500));
            if (!p.isAlive()) break;
            p.destroyForcibly();                                 // SIGKILL: no shutdown hook, nothing flushed
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            kills++;
            if (Files.readString(log).contains("resuming after input line")) resumedFromCheckpoint++;
            assertThat(killed.resolve("out.jsonl")).as("nothing under the final name before the run completes").doesNotExist();
        }
        assertThat(kills).as("killed at 5 points before it completed").isGreaterThanOrEqualTo(5);
        assertThat(resumedFromCheckpoint).as("resumed from a checkpoint, not from the start").isPositive();

        // the same run with another as-of or contract would mix two runs' lines: refused, nothing touched
        Path cp = killed.resolve("out.jsonl.checkpoint");
        assertThat(cp).exists();
        String before = Files.readString(cp);
        String[] abs = {"batch", dir.resolve("r.jsonl").toString(), "-o", killed.resolve("out.jsonl").toString(), "--rejects",
                killed.resolve("rej.jsonl").toString(), "--as-of", "2022-07-01", "--resume", "-q"};
        CliRun other = CliRun.of(abs);
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("cannot resume").contains("--as-of 2022-06-30, not 2022-07-01");
        abs[7] = "2022-06-30";
        CliRun full = CliRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(abs), Stream.of("--full")).toArray(String[]::new));
        assertThat(full.exit()).isEqualTo(2);
        assertThat(full.err()).contains("cannot resume").contains("registry contract, not full");
        assertThat(Files.readString(cp)).isEqualTo(before);

        Process last = start(killed, 0, true, dir.resolve("last.log"));
        assertThat(last.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as(Files.readString(dir.resolve("last.log"))).isZero();

        for (String f : List.of("out.jsonl", "out.jsonl.measures.json", "rej.jsonl"))
            assertThat(Files.mismatch(clean.resolve(f), killed.resolve(f))).as(f).isEqualTo(-1L);
        assertThat(Files.readAllLines(killed.resolve("rej.jsonl"))).hasSize(20);
        assertThat(summary(killed)).isEqualTo(summary(clean));
        try (Stream<Path> s = Files.list(killed)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("no checkpoint or partial file left").containsExactly("out.jsonl", "out.jsonl.measures.json", "rej.jsonl", "sum.json");
        }
    }

    private static String checkpoint(Path d) {
        try { return Files.readString(d.resolve("out.jsonl.checkpoint")); } catch (Exception e) { return ""; }
    }

    /** The summary without its timing (elapsed seconds and rate differ between any two runs). */
    private static ObjectNode summary(Path d) throws Exception {
        ObjectNode s = (ObjectNode) Json.MAPPER.readTree(d.resolve("sum.json").toFile());
        s.remove("elapsedSeconds");
        s.remove("rowsPerSecond");
        assertThat(s.get("completed").asBoolean()).isTrue();
        return s;
    }
}
