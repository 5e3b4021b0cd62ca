package org.mianshen.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mianshen.model.Fact;
import org.mianshen.model.Profile;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The JSON Schema of the profile, generated from the {@link Fact} documentation of the model classes. */
public final class ProfileSchema {
    private ProfileSchema() {}

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    public static ObjectNode schema() {
        ObjectNode root = objectSchema(Profile.class);
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://mianshen.org/schema/profile.json");
        root.put("title", "mianshen enterprise profile");
        root.put("description", "One enterprise. Only uscc is required; an absent field is unknown (never false or zero), "
                + "and measures that need it come out NEEDS_INFO. CSV registries use the same names as column headers.");
        root.set("required", F.arrayNode().add("uscc"));
        return root;
    }

    private static ObjectNode objectSchema(Class<?> c) {
        ObjectNode o = F.objectNode();
        o.put("type", "object");
        ObjectNode props = o.putObject("properties");
        for (Field f : c.getFields()) {
            Fact fact = f.getAnnotation(Fact.class);
            ObjectNode p = typeSchema(f.getType(), f);
            if (fact != null) {
                p.put("title", fact.label());
                p.put("description", fact.description() + (fact.unit().isEmpty() ? "" : " [unit: " + fact.unit() + "]"));
            }
            props.set(f.getName(), p);
        }
        return o;
    }

    private static ObjectNode typeSchema(Class<?> t, Field f) {
        ObjectNode p = F.objectNode();
        if (t == String.class) p.put("type", "string");
        else if (t == Integer.class || t == Long.class) { p.put("type", "integer"); p.put("minimum", 0); }
        else if (t == BigDecimal.class) { p.put("type", "number"); p.put("minimum", 0); }
        else if (t == Boolean.class) p.put("type", "boolean");
        else if (t == LocalDate.class) { p.put("type", "string"); p.put("format", "date"); }
        else if (t.isEnum()) {
            p.put("type", "string");
            ArrayNode e = p.putArray("enum");
            for (Object c : t.getEnumConstants()) e.add(((Enum<?>) c).name());
        } else if (List.class.isAssignableFrom(t)) {
            p.put("type", "array");
            Class<?> item = (Class<?>) ((ParameterizedType) f.getGenericType()).getActualTypeArguments()[0];
            p.set("items", item.isEnum() ? typeSchema(item, null) : objectSchema(item));
        } else p.put("type", "object");
        if (f != null && f.getName().equals("uscc")) p.put("pattern", "^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$");
        if (f != null && f.getName().equals("regionCode")) p.put("pattern", "^\\d{6}$");
        if (f != null && f.getName().equals("layoffRate")) p.put("maximum", 1);
        return p;
    }
}
