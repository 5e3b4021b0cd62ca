package org.mianshen.batch;

import com.fasterxml.jackson.databind.ObjectWriter;
import org.junit.jupiter.api.Test;
import org.mianshen.engine.MatchService;
import org.mianshen.engine.RuleEngine;
import org.mianshen.io.Json;
import org.mianshen.io.ProfileReader;
import org.mianshen.model.MatchResult;
import org.mianshen.reference.RiskAreas;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch's fast entitlement serializer writes exactly the bytes Json.MAPPER writes. */
class EntitlementSerializerTest {
    @Test
    void sameBytesAsTheContractMapper() throws Exception {
        MatchService service = new MatchService(RuleEngine.bundled(), LocalDate.of(2022, 6, 30), RiskAreas.none());
        ObjectWriter fast = EntitlementSerializer.mapper().writerFor(MatchResult.class);
        ObjectWriter plain = Json.MAPPER.writerFor(MatchResult.class);
        ProfileReader reader = new ProfileReader();
        int entitlements = 0, withAlso = 0, withAmount = 0, alsoMissing = 0, alsoAmount = 0;
        org.mianshen.engine.ResultAssembler assembler = new org.mianshen.engine.ResultAssembler();
        int compactEntitlements = 0;
        for (String line : Registries.lines(1500, 21, BatchRunner.Format.JSONL)) {
            ProfileReader.Read read;
            try { read = reader.read(line); } catch (org.mianshen.io.InputError e) { continue; }
            MatchResult r = service.match(read);
            for (var e : r.entitlements()) {
                entitlements++;
                if (e.alsoBasedOn() != null && !e.alsoBasedOn().isEmpty()) withAlso++;
                if (e.amountYuan() != null) withAmount++;
                if (e.alsoBasedOn() != null) for (var a : e.alsoBasedOn()) {
                    if (a.missing() != null && !a.missing().isEmpty()) alsoMissing++;
                    if (a.amountYuan() != null) alsoAmount++;
                }
            }
            assertThat(fast.writeValueAsString(r)).isEqualTo(plain.writeValueAsString(r));
            // --compact: each distinct compact entitlement is encoded once and then copied, also into a byte stream
            var enterprise = service.derive(read);
            service.match(enterprise, read.warnings());
            MatchResult c = assembler.assemble(enterprise, read.warnings(), org.mianshen.engine.ResultAssembler.Detail.COMPACT);
            compactEntitlements += c.entitlements().size();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            fast.writeValue(bytes, c);
            assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(plain.writeValueAsString(c));
            assertThat(fast.writeValueAsString(c)).isEqualTo(plain.writeValueAsString(c));
        }
        assertThat(compactEntitlements).isEqualTo(entitlements);
        assertThat(entitlements).isPositive();
        // every branch of the hand-written writer was exercised: alsoBasedOn entries with missing facts and amounts
        assertThat(withAlso).isGreaterThan(100);
        assertThat(alsoMissing).isGreaterThan(10);
        assertThat(alsoAmount).isGreaterThan(0);
        System.out.printf("compared %d entitlements (%d with alsoBasedOn, %d with amounts)%n", entitlements, withAlso, withAmount);
    }
}
