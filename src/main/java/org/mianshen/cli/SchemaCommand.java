package org.mianshen.cli;

import org.mianshen.io.Json;
import org.mianshen.io.ProfileSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "schema", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Prints the JSON Schema (draft 2020-12) of the enterprise profile: every field with its meaning and unit.", ""},
        footer = {"", "Example:", "  mianshen schema > profile.schema.json"})
public final class SchemaCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(ProfileSchema.schema()));
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
