package org.mianshen.batch;

import org.mianshen.engine.ResultAssembler;

/**
 * What a batch run writes per enterprise (docs/batch.md).
 * <ul>
 *   <li>{@link #REGISTRY} (the default): only what differs between enterprises — uscc, name, regionCode, scale,
 *       smallLowProfit and per entitlement measureId, family, delivery, status, amountYuan, missing, alsoBasedOn ids
 *       (and detail where the rule computes it). The measures' constant data is written once per run beside the
 *       output ({@code OUTPUT.measures.json}); a consumer joins on measureId.</li>
 *   <li>{@link #FULL} ({@code --full}): the §2 contract per line, reasons included.</li>
 *   <li>{@link #COMPACT} ({@code --compact}): the full line's shape without the measure's constant parts.</li>
 * </ul>
 */
public enum Contract {
    REGISTRY, FULL, COMPACT;

    /** What the assembler must put in each entitlement for this contract and output format. */
    public ResultAssembler.Detail detail(BatchRunner.Format format) {
        return switch (this) {
            case REGISTRY -> ResultAssembler.Detail.REGISTRY;
            case COMPACT -> ResultAssembler.Detail.COMPACT;
            case FULL -> format == BatchRunner.Format.CSV ? ResultAssembler.Detail.WITHOUT_REASONS : ResultAssembler.Detail.FULL;
        };
    }

    /** The name used in checkpoints and the measures file ("registry", "full", "compact"). */
    public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
}
