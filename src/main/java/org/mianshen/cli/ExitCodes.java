package org.mianshen.cli;

import org.mianshen.engine.RuleTreeException;
import org.mianshen.io.InputError;
import picocli.CommandLine;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;

/**
 * The one mapping from what went wrong to the exit code README promises: 0 done, 2 bad input (the user can fix
 * it: a path that does not exist, a malformed profile or option, a rule tree that does not compile), 1 anything
 * else (a defect of mianshen). Every command goes through it: picocli calls it for an exception a command lets
 * escape, so a command need not catch bad input itself to get the right code.
 */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
    static final ExitCodes INSTANCE = new ExitCodes();

    @Override
    public int getExitCode(Throwable t) {
        return isBadInput(t) ? Main.BAD_INPUT : Main.INTERNAL;
    }

    /** Exceptions that mean the input was wrong, not the program. */
    static boolean isBadInput(Throwable t) {
        return t instanceof CommandLine.ParameterException
                || t instanceof RuleTreeException
                || t instanceof InputError
                || t instanceof FileSystemException      // NoSuchFileException, NotDirectoryException, AccessDeniedException, …
                || t instanceof FileNotFoundException
                || t instanceof UncheckedIOException u && isBadInput(u.getCause())
                || t instanceof IllegalArgumentException;
    }

    /** What to print: the message alone for bad input, "internal error" and the exception otherwise. */
    static String message(Throwable t, CommandLine cmd) {
        String name = cmd.getCommandSpec().qualifiedName();
        if (!isBadInput(t)) return name + ": internal error: " + t;
        String m = t instanceof UncheckedIOException u && u.getCause() != null ? u.getCause().getMessage() : t.getMessage();
        if (t instanceof java.nio.file.NoSuchFileException n && n.getReason() == null) m = n.getFile() + ": not found";
        return name + ": " + m;
    }
}
