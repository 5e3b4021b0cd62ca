package org.mianshen.batch.db;

import java.util.List;

/** The tables a database run writes (created when missing; docs/database.md shows the same DDL). */
final class DbSchema {
    private DbSchema() {}

    static List<String> ddl(String entitlements, String rejects) {
        return List.of(
                """
                CREATE TABLE IF NOT EXISTS runs (
                  run_id              text PRIMARY KEY,
                  as_of               date NOT NULL,
                  rules_hash          text NOT NULL,          -- SHA-256 of the loaded catalogue
                  rules_origin        text,
                  source              text NOT NULL,          -- the query
                  to_table            text NOT NULL,
                  rejects_table       text NOT NULL,
                  started             timestamptz NOT NULL,
                  ended               timestamptz,
                  completed           boolean NOT NULL DEFAULT false,
                  attempts            integer NOT NULL DEFAULT 1,
                  rows_done           bigint NOT NULL DEFAULT 0,   -- input rows committed: the resume point
                  last_key            text,                       -- key of row rows_done (checked on resume)
                  enterprises_with    bigint NOT NULL DEFAULT 0,   -- enterprises with at least one entitlement row
                  enterprises_without bigint NOT NULL DEFAULT 0,   -- enterprises entitled to nothing
                  rejected            bigint NOT NULL DEFAULT 0,
                  entitlement_rows    bigint NOT NULL DEFAULT 0,
                  summary             jsonb,                       -- batch --summary of the session that completed it
                  CHECK (rows_done = enterprises_with + enterprises_without + rejected)
                )""",
                """
                CREATE TABLE IF NOT EXISTS measures (
                  run_id         text NOT NULL REFERENCES runs ON DELETE CASCADE,
                  measure_id     text NOT NULL,
                  family         text,
                  delivery       text,            -- AUTOMATIC 免申即享, ON_APPLICATION 依申请, SUPPORT
                  title          text,
                  benefit_type   text,
                  document       text,
                  doc_number     text,
                  article        text,
                  authority      text,
                  source         text,
                  jurisdiction   text,            -- GB/T 2260 prefix, '' = national
                  valid_from     date,
                  valid_to       date,
                  valid_to_basis text,
                  standing_law   text,
                  doc_status     text,
                  confirm        jsonb,
                  PRIMARY KEY (run_id, measure_id)
                )""",
                "CREATE TABLE IF NOT EXISTS " + entitlements + """
                 (
                  run_id        text NOT NULL,
                  row_no        bigint NOT NULL,     -- the enterprise's row number in the query's result
                  uscc          text,
                  measure_id    text NOT NULL,       -- join measures on (run_id, measure_id)
                  family        text,
                  delivery      text,
                  status        text NOT NULL,       -- ELIGIBLE or NEEDS_INFO
                  amount_yuan   bigint,
                  missing       jsonb,               -- facts that would decide a NEEDS_INFO, as a JSON array
                  also_based_on jsonb,               -- other measures of the family: [{measureId, status, amountYuan, missing}]
                  as_of         date NOT NULL,
                  PRIMARY KEY (run_id, row_no, measure_id)
                )""",
                "CREATE TABLE IF NOT EXISTS " + rejects + """
                 (
                  run_id  text NOT NULL,
                  row_no  bigint NOT NULL,
                  key     text,                      -- the row's key column (uscc)
                  field   text NOT NULL,             -- the profile field at fault, (row) for the row itself
                  value   text,
                  reason  text NOT NULL,
                  raw     text,                      -- the row as CSV under the query's column names
                  PRIMARY KEY (run_id, row_no)
                )""");
    }
}
