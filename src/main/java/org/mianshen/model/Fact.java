package org.mianshen.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one fact of the profile contract in the single place the JSON Schema
 * ({@code mianshen schema}), the CSV mapping and the "missing facts" messages are generated from.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Fact {
    /** Chinese name as the policies use it, e.g. 从业人员. */
    String label();
    /** Unit: yuan, persons, months, ratio 0..1, date, … ("" when none). */
    String unit() default "";
    /** Meaning and source of the value. */
    String description();
    /** Inclusive minimum for numbers (negative counts and amounts are rejected). */
    double min() default 0;
}
