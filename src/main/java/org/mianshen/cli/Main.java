package org.mianshen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code mianshen <command>}. Exit codes: 0 done, 1 internal error, 2 bad input. */
@Command(name = "mianshen", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"免申即享: finds the relief measures an enterprise is entitled to without applying.", ""},
        subcommands = {MatchCommand.class, RulesCommand.class, SchemaCommand.class, TestCommand.class, CheckCommand.class, BatchCommand.class, GenerateCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  mianshen match samples/profiles/yunnan-restaurant-state-premises.json --as-of 2022-06-30",
                "  mianshen rules --format json",
                "  mianshen schema > profile.schema.json",
                "Exit codes: 0 done, 2 bad input, 1 internal error."})
public final class Main {
    public static final int OK = 0, INTERNAL = 1, BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    /** Runs a command line with the given output streams (for tests and embedding). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println("mianshen: internal error: " + ex);
            if (System.getenv("MIANSHEN_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            return INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("mianshen: " + ex.getMessage());
            cmd.getErr().println("Try `" + cmd.getCommandSpec().qualifiedName() + " --help`.");
            return BAD_INPUT;
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"mianshen " + (v == null ? "dev" : v) + " (Drools 10.2.0, Java " + System.getProperty("java.version") + ")"};
        }
    }
}
