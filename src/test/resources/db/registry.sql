-- A registry table in the profile contract (docs/database.md): snake_case column names, list fields as jsonb.
CREATE TABLE IF NOT EXISTS registry (
  uscc                             text PRIMARY KEY,
  name                             text,
  entity_type                      text,
  region_code                      text,
  industry_code                    text,
  employees                        integer,
  operating_revenue_yuan           bigint,
  total_assets_yuan                bigint,
  scale                            text,
  vat_taxpayer                     text,
  monthly_sales_yuan               bigint,
  annual_sales_yuan                bigint,
  annual_taxable_income_yuan       bigint,
  tax_credit_rating                text,
  excess_input_vat_yuan            bigint,
  designations                     text,        -- HIGH_TECH|TECH_SME or a JSON array (jsonb works too)
  premises                         jsonb,
  hires                            jsonb,
  insured_employees                integer,
  layoff_rate                      numeric,
  unemployment_insurance_paid_yuan bigint,
  loans                            jsonb,
  established_on                   date,
  rd_expense_yuan                  bigint,
  transfer_power_supply            boolean
);
