package org.mianshen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code mianshen <command>}. Exit codes: 0 done, 1 internal error, 2 bad input. */
@Command(name = "mianshen", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"免申即享: finds the relief measures an enterprise is entitled to without applying.", ""},
        footer = {"", "Examples:",
                "  mianshen match samples/profiles/yunnan-restaurant-state-premises.json --as-of 2022-06-30",
                "  mianshen rules --format json",
                "  mianshen schema > profile.schema.json",
                "Exit codes: 0 done, 2 bad input, 1 internal error."})
public final class Main {
    public static final int OK = 0, INTERNAL = 1, BAD_INPUT = 2;

    public static void main(String[] args) {
        // `match` with the bundled rules: start loading them before picocli has even parsed the
        // arguments (~100 ms earlier than MatchCommand could); the start-up benchmark is in BENCHMARKS.md.
        java.util.List<String> a = java.util.Arrays.asList(args);
        if (!a.isEmpty() && a.get(0).equals("match") && !a.contains("--rules") && !a.contains("--help") && !a.contains("-h")) {
            RuleOptions.prefetchBundled();
        }
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cl = commandLine(args);
        return cl.execute(args);
    }

    /** Runs a command line with the given output streams (for tests and embedding). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The commands, in the order `mianshen --help` lists them. */
    private static final java.util.LinkedHashMap<String, java.util.function.Supplier<Object>> COMMANDS = new java.util.LinkedHashMap<>();
    static {
        COMMANDS.put("match", MatchCommand::new);
        COMMANDS.put("rules", RulesCommand::new);
        COMMANDS.put("schema", SchemaCommand::new);
        COMMANDS.put("test", TestCommand::new);
        COMMANDS.put("check", CheckCommand::new);
        COMMANDS.put("batch", BatchCommand::new);
        COMMANDS.put("generate", GenerateCommand::new);
        COMMANDS.put("push", PushCommand::new);
        COMMANDS.put("diff", DiffCommand::new);
        COMMANDS.put("notify", NotifyCommand::new);
        COMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    static CommandLine commandLine() { return commandLine(new String[0]); }

    /**
     * The command line for these arguments. picocli builds each command's model by reflection; when the
     * first argument names a command only that one is built (~50 ms less start-up for `match`), otherwise
     * all of them, for the help listing and for picocli's suggestions on a mistyped command.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : null;
        if (first != null && COMMANDS.containsKey(first) && !first.equals("help")) {
            cl.addSubcommand(first, COMMANDS.get(first).get());
        } else {
            COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        // one exit-code mapping for every command (ExitCodes): 2 for bad input, 1 for a defect
        cl.setExitCodeExceptionMapper(ExitCodes.INSTANCE);
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println(ExitCodes.message(ex, cmd));
            if (System.getenv("MIANSHEN_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            return cmd.getExitCodeExceptionMapper().getExitCode(ex);
        });
        cl.setParameterExceptionHandler((ex, rest) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("mianshen: " + ex.getMessage());
            cmd.getErr().println("Try `" + cmd.getCommandSpec().qualifiedName() + " --help`.");
            return cmd.getExitCodeExceptionMapper().getExitCode(ex);
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
