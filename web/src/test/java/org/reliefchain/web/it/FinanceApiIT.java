package org.reliefchain.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finance through the API on a real Payara Micro and PostgreSQL, in demo mode: an enterprise and its
 * agreement, a check with a shortfall, the quarter's statement with the deduction, reconciliation
 * against the enterprise's own statement with one difference, approval by a second finance user,
 * payment once; the journal balanced throughout and append-only in the database; jurisdiction both ways.
 */
@ExtendWith(ArquillianExtension.class)
class FinanceApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.product("finance");
    }

    @ArquillianResource
    private URL base;

    private Api as(String user) {
        return Api.as(base, user, "demo123");
    }

    /** A credit code of the right shape for a county with a valid check character, unique per call. */
    private static String creditCode(String county) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder("91").append(county).append("MA");
        String random = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        for (int i = 0; b.length() < 17; i++) {
            char ch = random.charAt(i);
            b.append(alphabet.indexOf(ch) >= 0 ? ch : '7');
        }
        int sum = 0;
        int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(b.charAt(i)) * w[i];
        }
        int c = 31 - sum % 31;
        return b.append(alphabet.charAt(c == 31 ? 0 : c)).toString();
    }

    private long enterprise(Api who, String county, String name) {
        Api.Reply r = who.post("api/enterprises", "{\"name\":\"" + name + "\",\"creditCode\":\"" + creditCode(county)
                + "\",\"division\":\"" + county + "\",\"bankName\":\"测试银行\",\"bankAccount\":\"6222 0000 1111 2345\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private JsonNode agreement(Api who, long enterprise, String division) {
        String body = "{\"enterprise\":" + enterprise + ",\"division\":\"" + division + "\",\"kind\":\"ENTERPRISE_STOCK\","
                + "\"startsOn\":\"2026-07-01\",\"endsOn\":\"2027-06-30\",\"priceRule\":\"FIXED\",\"feeBasis\":\"PER_UNIT\","
                + "\"managementFee\":\"3650\",\"paymentDays\":30,\"penaltyPerUnitDay\":\"0.5\",\"lines\":[{\"material\":"
                + "\"TENT-COTTON-12\",\"quantity\":\"100\",\"feeRate\":\"10\",\"unitValue\":\"1200\",\"qualityStandard\":"
                + "\"GB/T 19000\"}]}";
        Api.Reply r = who.post("api/agreements", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    // ---- the walk: agreement -> check -> statement -> reconciliation -> two-person approval -> payment ----

    @Test
    void a_quarter_from_agreement_to_payment_with_a_shortfall_deducted_and_the_journal_balanced() throws Exception {
        Api finance = as("finance");
        long company = enterprise(finance, "330324", "永嘉测试帐篷有限公司");
        JsonNode drafted = agreement(finance, company, "330324");
        long id = drafted.get("id").asLong();
        assertThat(drafted.get("number").asText()).matches("XY\\d{4}-\\d{6}");
        assertThat(drafted.get("status").asText()).isEqualTo("DRAFT");
        assertThat(drafted.get("actions").toString()).contains("activate");
        assertThat(drafted.get("lines").get(0).get("materialNameZh").asText()).isEqualTo("12平方米单帐篷");

        // a draft is not inspected; the county's manager inspects once it is in force
        Api manager = as("yongjia.manager");
        String check = "{\"checkedOn\":\"2026-09-01\",\"kind\":\"UNANNOUNCED\",\"lines\":[{\"line\":1,\"counted\":\"80\","
                + "\"qualityOk\":true,\"note\":\"短少20顶\"}]}";
        assertProblem(manager.post("api/agreements/" + id + "/checks", check), 409, "agreement-status");
        assertThat(finance.post("api/agreements/" + id + "/activate", "").json().get("status").asText()).isEqualTo("ACTIVE");
        Api.Reply checked = manager.post("api/agreements/" + id + "/checks", check);
        assertThat(checked.status()).as(checked.text()).isEqualTo(201);
        assertThat(checked.json().get("lines").get(0).get("shortBy").asText()).isEqualTo("20");
        assertThat(manager.get("api/agreements/" + id).json().get("lines").get(0).get("lastCounted").asText()).isEqualTo("80");
        // finance does not inspect
        assertThat(finance.post("api/agreements/" + id + "/checks", check).status()).isEqualTo(403);
        // the shortfall is on the alerts list of the county's managers, not on a neighbouring county's
        JsonNode findings = manager.get("api/agreements/findings?size=100").json();
        JsonNode finding = null;
        for (JsonNode f : findings.get("items")) {
            if (f.get("agreementId").asLong() == id) {
                finding = f;
            }
        }
        assertThat(finding).as(findings.toString()).isNotNull();
        assertThat(finding.get("shortBy").asText()).isEqualTo("20");
        assertThat(finding.get("counted").asText()).isEqualTo("80");
        assertThat(finding.get("enterpriseName").asText()).isEqualTo("永嘉测试帐篷有限公司");
        assertThat(as("hangzhou.manager").get("api/agreements/findings?size=100").json().get("items")
                .findValuesAsText("agreementNumber")).doesNotContain(drafted.get("number").asText());

        // the third quarter: 8600 tent-days held x 10 / 365 = 235.62; 600 short x 0.5 = -300.00; 92 days of
        // a 3650 management fee = 920.00
        Api.Reply accrued = finance.post("api/statements/accrue", "{\"period\":\"2026-Q3\",\"division\":\"330324\"}");
        assertThat(accrued.status()).as(accrued.text()).isEqualTo(200);
        assertThat(accrued.json().get("statements").asInt()).isEqualTo(1);
        JsonNode listed = finance.get("api/statements?enterprise=" + company).json();
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        long statement = listed.get("items").get(0).get("id").asLong();
        JsonNode s = finance.get("api/statements/" + statement).json();
        assertThat(s.get("number").asText()).matches("BT\\d{4}-\\d{6}");
        assertThat(s.get("total").asText()).isEqualTo("855.62");
        assertThat(s.get("lines").findValuesAsText("kind")).containsExactly("STORAGE_FEE", "SHORTFALL", "MANAGEMENT_FEE");
        assertThat(s.get("lines").findValuesAsText("amount")).containsExactly("235.62", "-300.00", "920.00");
        assertThat(s.get("lines").get(1).get("basis").asText()).isEqualTo("600");
        // accruing again adds nothing for this enterprise
        assertThat(finance.post("api/statements/accrue", "{\"period\":\"2026-Q3\",\"division\":\"330324\"}")
                .json().get("statements").asInt()).isZero();
        // nor does a month inside the accrued quarter: no day is paid twice
        JsonNode august = finance.post("api/statements/accrue", "{\"period\":\"2026-08\",\"division\":\"330324\"}").json();
        assertThat(august.get("statements").asInt()).isZero();
        assertThat(august.get("alreadyAccrued").asInt()).isPositive();
        assertProblem(finance.post("api/statements/accrue", "{\"period\":\"2099-Q1\"}"), 409, "period-open");

        // the enterprise claims the full quantity: one difference, explained by the basis
        String number = s.get("lines").get(0).get("agreementNumber").asText();
        String theirs = "协议编号,物资编码,类型,数量天数,金额\n" + number + ",TENT-COTTON-12,储存费,9200,252.05\n"
                + number + ",TENT-COTTON-12,短缺扣减,600,-300.00\n" + number + ",,管理费,92,920.00\n";
        Api.Reply reconciled = finance.post("api/statements/" + statement + "/reconcile?fileName=theirs.csv",
                theirs.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(reconciled.status()).as(reconciled.text()).isEqualTo(200);
        JsonNode r = reconciled.json().get("reconciliation");
        assertThat(r.get("differences").asInt()).isEqualTo(1);
        assertThat(r.get("theirTotal").asText()).isEqualTo("872.05");
        assertThat(r.get("lines").get(0).get("reason").asText()).isEqualTo("BASIS");
        assertThat(r.get("lines").get(0).get("ours").asText()).isEqualTo("235.62");
        assertThat(r.get("lines").get(0).get("theirs").asText()).isEqualTo("252.05");

        // the preparer does not approve; a second finance user does
        assertThat(s.get("actions").toString()).doesNotContain("approve");
        assertProblem(finance.post("api/statements/" + statement + "/approve", "{}"), 409, "same-preparer");
        assertThat(as("auditor").post("api/statements/" + statement + "/approve", "{}").status()).isEqualTo(403);
        Api reviewer = as("finance.reviewer");
        JsonNode approved = reviewer.post("api/statements/" + statement + "/approve", "{}").json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedBy").asText()).isEqualTo("finance.reviewer");
        assertThat(approved.get("dueOn").isNull()).isFalse();
        assertProblem(reviewer.post("api/statements/" + statement + "/approve", "{}"), 409, "statement-status");

        // paid once: the same reference again changes nothing; on another statement it is refused
        String ref = "PAY-" + UUID.randomUUID();
        String payment = "{\"reference\":\"" + ref + "\"}";
        JsonNode paid = finance.post("api/statements/" + statement + "/pay", payment).json();
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        Api.Reply again = finance.post("api/statements/" + statement + "/pay", payment);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("paymentRef").asText()).isEqualTo(ref);
        JsonNode journal = finance.get("api/finance/journal?document=" + s.get("number").asText()).json();
        assertThat(journal.get("total").asInt()).as("one approval and one payment, not two").isEqualTo(2);
        assertThat(journal.get("items").get(0).get("lines").findValuesAsText("account")).containsExactly("PAYABLE", "BANK");
        assertThat(journal.get("items").get(0).get("lines").get(0).get("debit").asText()).isEqualTo("855.62");

        // an approved statement never changes: a correction is a new statement that refers to it
        Api.Reply adjusted = finance.post("api/statements/" + statement + "/adjust", "{\"reason\":\"20 tents found in a"
                + " second store\",\"lines\":[{\"amount\":\"-10.00\",\"explanation\":\"double-counted days\"}]}");
        assertThat(adjusted.status()).as(adjusted.text()).isEqualTo(201);
        assertThat(adjusted.json().get("kind").asText()).isEqualTo("ADJUSTMENT");
        assertThat(adjusted.json().get("adjusts").asText()).isEqualTo(s.get("number").asText());
        assertThat(adjusted.json().get("total").asText()).isEqualTo("-10.00");
        assertThat(finance.get("api/statements/" + statement).json().get("total").asText()).isEqualTo("855.62");

        JsonNode balance = as("auditor").get("api/finance/trial-balance").json();
        assertThat(balance.get("difference").asText()).isEqualTo("0.00");
        assertThat(balance.get("accounts").findValuesAsText("account")).contains("SUBSIDY_EXPENSE", "PAYABLE", "BANK");

        // the statement to print and sign: itemised, its total, who prepared, approved and paid it; CJK font embedded
        Api.Reply pdf = reviewer.get("api/reports/statements/" + statement + ".pdf");
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains(s.get("number").asText());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("补贴结算单", s.get("number").asText(), "永嘉测试帐篷有限公司", "储存费", "短缺扣减",
                    "235.62", "-300.00", "920.00", "855.62", "finance.reviewer", ref);
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    assertThat(font.getName()).contains("NotoSansCJK");
                    assertThat(font.isEmbedded()).isTrue();
                }
            }
        }
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(
                finance.get("api/reports/statements/" + statement + ".pdf?lang=en").body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                    .contains("Subsidy statement", "Storage fee", "Shortfall deduction", "total CNY 855.62");
        }
        Api.Reply xlsx = finance.get("api/reports/statements/" + statement + ".xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        StringBuilder sheets = new StringBuilder();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx.body()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                sheets.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(sheets.toString()).contains("补贴结算单", "235.62", "-300.00", "920.00");
        // outside the contracting division's jurisdiction the statement does not exist
        assertProblem(as("taizhou.finance").get("api/reports/statements/" + statement + ".pdf"), 404, "not-found");
    }

    @Test
    void a_payment_reference_is_used_once_across_statements() {
        Api finance = as("finance");
        JsonNode approved = as("finance.reviewer").get("api/statements?status=DRAFT&size=2").json();
        assertThat(approved.get("total").asInt()).as("the demo's third quarter waits for approval").isGreaterThan(1);
        long first = approved.get("items").get(0).get("id").asLong();
        long second = approved.get("items").get(1).get("id").asLong();
        as("finance.reviewer").post("api/statements/" + first + "/approve", "{}");
        as("finance.reviewer").post("api/statements/" + second + "/approve", "{}");
        String payment = "{\"reference\":\"DUP-" + UUID.randomUUID() + "\"}";
        assertThat(finance.post("api/statements/" + first + "/pay", payment).status()).isEqualTo(200);
        assertProblem(finance.post("api/statements/" + second + "/pay", payment), 409, "duplicate-payment");
        assertThat(finance.get("api/finance/trial-balance").json().get("difference").asText()).isEqualTo("0.00");
    }

    // ---- registry and agreements: input and jurisdiction -------------------------------------------

    @Test
    void a_wrong_check_character_is_a_400_naming_credit_code_and_a_duplicate_a_409() {
        Api finance = as("finance");
        String good = creditCode("331002");
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        Api.Reply bad = finance.post("api/enterprises", "{\"name\":\"错码企业\",\"creditCode\":\""
                + good.substring(0, 17) + wrong + "\",\"division\":\"3310\"}");
        assertProblem(bad, 400, "validation");
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("creditCode");
        assertThat(bad.json().get("errors").get(0).get("code").asText()).isEqualTo("credit-code-check");
        assertThat(finance.post("api/enterprises", "{\"name\":\"好企业\",\"creditCode\":\"" + good
                + "\",\"division\":\"3310\"}").status()).isEqualTo(201);
        assertProblem(finance.post("api/enterprises", "{\"name\":\"同码企业\",\"creditCode\":\"" + good
                + "\",\"division\":\"3310\"}"), 409, "duplicate-credit-code");
    }

    @Test
    void enterprises_are_imported_from_a_file_all_or_none_after_a_dry_run_lists_every_bad_row() throws Exception {
        Api finance = as("finance");
        String first = creditCode("330324");
        String second = creditCode("331002");
        String good = first.substring(0, 17);
        String wrongCheck = good + (first.charAt(17) == '0' ? '1' : '0');
        // Chinese headers in another order, the division by name, a code pasted in lower case
        String bad = "统一社会信用代码,企业名称,所在区划,联系电话\n"
                + first.toLowerCase() + ",导入甲公司,永嘉县,0577-1234567\n"
                + wrongCheck + ",导入乙公司,331002,\n"
                + first + ",导入丙公司,3310,\n"
                + second + ",导入丁公司,没有这个区,\n";
        JsonNode dry = finance.post("api/enterprises/import?dryRun=true", bad.getBytes(StandardCharsets.UTF_8),
                "text/csv").json();
        assertThat(dry.get("rows").asInt()).isEqualTo(4);
        assertThat(dry.get("written").asBoolean()).isFalse();
        assertThat(dry.get("errors").findValuesAsText("line")).containsExactly("3", "4", "5");
        assertThat(dry.get("errors").findValuesAsText("field")).containsExactly("creditCode", "creditCode", "division");
        assertThat(dry.get("errors").get(1).get("reason").asText()).contains("twice");
        Api.Reply refused = finance.post("api/enterprises/import", bad.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertProblem(refused, 400, "validation");
        assertThat(refused.json().get("errors").findValuesAsText("field")).contains("line 3: creditCode");
        assertThat(finance.get("api/enterprises?text=" + first).json().get("total").asLong()).as("nothing written")
                .isZero();

        // the template as downloaded, filled in as a user would, imports every row in one go
        byte[] template = finance.get("api/enterprises/import/template").body();
        byte[] filled;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(template)); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("企业名称");
            String[][] rows = {{"导入甲公司", first, "永嘉县", "王经理", "0577-1234567", "测试银行", "6222 0000 1111 9876"},
                    {"导入丁公司", second, "331002", null, null, null, null}};
            for (int r = 0; r < rows.length; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            book.write(out);
            filled = out.toByteArray();
        }
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        assertThat(as("taizhou.finance").post("api/enterprises/import?dryRun=true", filled, xlsx).json()
                .get("errors").findValuesAsText("field")).as("永嘉 is outside 台州").containsExactly("division");
        assertThat(as("yongjia.manager").post("api/enterprises/import?dryRun=true", filled, xlsx).status())
                .isEqualTo(403);
        JsonNode done = finance.post("api/enterprises/import", filled, xlsx).json();
        assertThat(done.get("written").asBoolean()).as(done.toString()).isTrue();
        JsonNode imported = finance.get("api/enterprises?text=" + first).json().get("items").get(0);
        assertThat(imported.get("division").asText()).isEqualTo("330324");
        assertThat(imported.get("bankAccount").asText()).isEqualTo("6222000011119876");
        assertThat(finance.get("api/enterprises?text=" + second).json().get("total").asLong()).isEqualTo(1);
        Api.Reply again = finance.post("api/enterprises/import", filled, xlsx);
        assertProblem(again, 400, "validation");
        assertThat(again.text()).contains("already registered");
    }

    @Test
    void the_bank_account_is_shown_in_full_to_finance_only() {
        long company = enterprise(as("finance"), "331002", "椒江测试被服有限公司");
        assertThat(as("finance").get("api/enterprises/" + company).json().get("bankAccount").asText())
                .isEqualTo("6222000011112345");
        JsonNode seen = as("province.manager").get("api/enterprises/" + company).json();
        assertThat(seen.get("bankAccount").asText()).isEqualTo("**** 2345");
        assertThat(seen.get("bankAccountMasked").asBoolean()).isTrue();
    }

    @Test
    void a_city_finance_user_runs_agreements_of_the_city_only_and_others_do_not_see_them() {
        Api taizhou = as("taizhou.finance");
        long company = enterprise(taizhou, "331002", "台州测试粮油有限公司");
        assertThat(as("taizhou.finance").post("api/enterprises", "{\"name\":\"温州企业\",\"creditCode\":\""
                + creditCode("330324") + "\",\"division\":\"330324\"}").status()).isEqualTo(403);
        JsonNode mine = agreement(taizhou, company, "3310");
        long id = mine.get("id").asLong();
        assertThat(taizhou.post("api/agreements", "{\"enterprise\":" + company + ",\"division\":\"3303\"}").status())
                .isEqualTo(403);
        // Yongjia (Wenzhou) and Hangzhou do not see Taizhou's agreement, the province does
        assertProblem(as("yongjia.manager").get("api/agreements/" + id), 404, "not-found");
        assertProblem(as("hangzhou.manager").post("api/agreements/" + id + "/checks", "{}"), 404, "not-found");
        assertThat(as("province.manager").get("api/agreements/" + id).status()).isEqualTo(200);
        assertThat(as("yongjia.manager").get("api/agreements?size=500").json().get("items").findValuesAsText("division"))
                .allSatisfy(d -> assertThat(d).startsWith("330324"));
        // and a Taizhou user sees no statement of another city
        assertThat(taizhou.get("api/statements?size=500").json().get("items").findValuesAsText("division"))
                .allSatisfy(d -> assertThat(d).startsWith("3310"));
        assertProblem(taizhou.get("api/statements/" + firstStatementOutside("3310")), 404, "not-found");
    }

    private long firstStatementOutside(String division) {
        for (JsonNode s : as("finance").get("api/statements?size=200").json().get("items")) {
            if (!s.get("division").asText().startsWith(division)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("the demo has statements outside " + division);
    }

    @Test
    void an_active_agreement_is_amended_with_a_reason_and_its_earlier_version_is_kept() {
        Api finance = as("finance");
        long company = enterprise(finance, "330324", "永嘉测试食品有限公司");
        JsonNode a = agreement(finance, company, "330324");
        long id = a.get("id").asLong();
        finance.post("api/agreements/" + id + "/activate", "");
        long version = finance.get("api/agreements/" + id).json().get("version").asLong();
        String amended = "{\"enterprise\":" + company + ",\"division\":\"330324\",\"kind\":\"ENTERPRISE_STOCK\","
                + "\"startsOn\":\"2026-07-01\",\"endsOn\":\"2027-06-30\",\"priceRule\":\"FIXED\",\"feeBasis\":\"PER_UNIT\","
                + "\"managementFee\":\"3650\",\"penaltyPerUnitDay\":\"0.5\",\"version\":" + version + ","
                + "\"lines\":[{\"material\":\"TENT-COTTON-12\",\"quantity\":\"150\",\"feeRate\":\"10\",\"unitValue\":"
                + "\"1200\"},{\"material\":\"QUILT-COTTON\",\"quantity\":\"500\",\"feeRate\":\"3\",\"unitValue\":\"180\"}]";
        assertThat(finance.put("api/agreements/" + id, amended + "}").json().get("errors").get(0).get("field")
                .asText()).isEqualTo("reason");
        JsonNode after = finance.put("api/agreements/" + id, amended + ",\"reason\":\"扩储\"}").json();
        assertThat(after.get("amendment").asInt()).isEqualTo(1);
        assertThat(after.get("lines")).hasSize(2);
        JsonNode versions = finance.get("api/agreements/" + id + "/versions").json();
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("reason").asText()).isEqualTo("扩储");
        assertThat(versions.get(0).get("snapshot").asText()).contains("\"quantity\":\"100\"");
        // stale version
        assertProblem(finance.put("api/agreements/" + id, amended + ",\"reason\":\"again\"}"), 409, "stale-version");
        // bad numbers name their line
        Api.Reply bad = finance.post("api/agreements", "{\"enterprise\":" + company + ",\"division\":\"330324\","
                + "\"kind\":\"ENTERPRISE_STOCK\",\"startsOn\":\"2026-07-01\",\"endsOn\":\"2027-06-30\",\"priceRule\":"
                + "\"FIXED\",\"feeBasis\":\"PER_UNIT\",\"lines\":[{\"material\":\"TENT-COTTON-12\",\"quantity\":\"-1\","
                + "\"feeRate\":\"1\",\"unitValue\":\"1\"}]}");
        assertProblem(bad, 400, "validation");
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].quantity");
    }

    @Test
    void work_finds_finance_and_the_inspecting_managers_on_their_home_pages() {
        JsonNode reviewer = as("finance.reviewer").get("api/me/home").json();
        assertThat(reviewer.get("work").findValuesAsText("key")).contains("statements.approve", "statements.pay");
        long toApprove = 0;
        for (JsonNode w : reviewer.get("work")) {
            if (w.get("key").asText().equals("statements.approve")) {
                toApprove = w.get("value").asLong();
            }
        }
        assertThat(toApprove).as("the demo's third quarter, prepared by finance").isPositive();
        assertThat(reviewer.get("figures").findValuesAsText("key")).contains("value.payable", "agreements.active");
        Api.Reply manager = as("yongjia.manager").get("api/me/home");
        assertThat(manager.status()).as(manager.text()).isEqualTo(200);
        assertThat(manager.json().get("work").findValuesAsText("key")).contains("agreements.checkDue");
    }

    // ---- write-offs: signed at two levels, then in a chain that shows tampering ----------------------

    @Test
    void a_write_off_is_signed_by_the_county_then_the_city_and_a_change_in_the_database_is_detected()
            throws Exception {
        Api.Reply raised = as("province.manager").post("api/write-offs", "{\"warehouse\":\"ZJ-331002\",\"cause\":"
                + "\"ROTATION_LOSS\",\"description\":\"轮换出售帐篷低于账面价值\",\"amount\":\"80000.00\"}");
        assertThat(raised.status()).as(raised.text()).isEqualTo(201);
        JsonNode w = raised.json();
        long id = w.get("id").asLong();
        assertThat(w.get("number").asText()).matches("HX\\d{4}-\\d{6}");
        assertThat(w.get("requiredLevel").asText()).as("above the county's 50,000").isEqualTo("CITY");
        assertThat(w.get("toSign").toString()).isEqualTo("[\"COUNTY\",\"CITY\"]");
        // the city does not sign before the county, nor the province for either
        assertProblem(as("taizhou.finance").post("api/write-offs/" + id + "/sign", ""), 409, "wrong-level");
        assertProblem(as("finance").post("api/write-offs/" + id + "/sign", ""), 409, "wrong-level");
        JsonNode county = as("jiaojiang.finance").post("api/write-offs/" + id + "/sign", "").json();
        assertThat(county.get("status").asText()).isEqualTo("PENDING");
        assertThat(county.get("toSign").toString()).isEqualTo("[\"CITY\"]");
        assertProblem(as("jiaojiang.finance").post("api/write-offs/" + id + "/sign", ""), 409, "wrong-level");
        JsonNode signed = as("taizhou.finance").post("api/write-offs/" + id + "/sign", "").json();
        assertThat(signed.get("status").asText()).isEqualTo("SIGNED");
        assertThat(signed.get("signatures").findValuesAsText("signedBy"))
                .containsExactly("jiaojiang.finance", "taizhou.finance");
        assertThat(signed.get("hash").asText()).hasSize(64);
        assertProblem(as("taizhou.finance").post("api/write-offs/" + id + "/sign", ""), 409, "write-off-status");
        // Yongjia does not see Jiaojiang's write-off
        assertProblem(as("yongjia.manager").get("api/write-offs/" + id), 404, "not-found");

        JsonNode check = as("auditor").get("api/write-offs/verify").json();
        assertThat(check.get("intact").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("records").asLong()).isPositive();

        TestDatabase.Coordinates db = Deployments.database("finance");
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.executeUpdate("update write_off set amount = amount - 70000 where id = " + id);
            try {
                JsonNode broken = as("auditor").get("api/write-offs/verify").json();
                assertThat(broken.get("intact").asBoolean()).isFalse();
                assertThat(broken.get("firstBroken").asText()).isEqualTo(signed.get("number").asText());
                assertThat(broken.get("reason").asText()).contains("changed after it was signed");
            } finally {
                s.executeUpdate("update write_off set amount = amount + 70000 where id = " + id);
            }
            assertThatThrownBy(() -> s.executeUpdate("update write_off_record set content = 'x'"))
                    .hasMessageContaining("append-only");
        }
        assertThat(as("auditor").get("api/write-offs/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void a_small_write_off_is_final_with_the_county_signature_and_whoever_raised_it_does_not_sign() {
        JsonNode w = as("jiaojiang.finance").post("api/write-offs", "{\"warehouse\":\"ZJ-331002\",\"cause\":"
                + "\"DAMAGED\",\"description\":\"水浸棉被\",\"amount\":\"1200.50\"}").json();
        assertThat(w.get("requiredLevel").asText()).isEqualTo("COUNTY");
        assertProblem(as("jiaojiang.finance").post("api/write-offs/" + w.get("id").asLong() + "/sign", ""), 409,
                "same-signer");
        Api.Reply bad = as("province.manager").post("api/write-offs", "{\"warehouse\":\"ZJ-331002\",\"cause\":"
                + "\"LOST\",\"description\":\"x\",\"amount\":\"-5\"}");
        assertProblem(bad, 400, "validation");
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("amount");
    }

    // ---- the journal in the database ---------------------------------------------------------------

    @Test
    void the_journal_refuses_any_change_and_any_unbalanced_entry_in_the_database() throws Exception {
        TestDatabase.Coordinates db = Deployments.database("finance");
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update journal_line set debit = debit + 1 where line_no = 1"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from journal_entry"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("do $$ declare e bigint; begin insert into journal_entry (posted_at,"
                    + " posted_by, division_code, document_type, document_id, document_number, memo) values (now(),"
                    + " 'x', '33', 'X', 1, 'X', 'x') returning id into e; insert into journal_line (entry_id, line_no,"
                    + " account, debit, credit) values (e, 1, 'BANK', 10, 0); end $$"))
                    .hasMessageContaining("does not balance");
        }
    }

    @Test
    void goods_in_custody_are_paid_on_what_the_ledger_held_and_show_owner_and_custodian_on_every_lot() {
        // an entrusted warehouse (代储库) of a tent maker in Yongjia, empty until the government's tents arrive
        String code = "DC-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Api manager = as("yongjia.manager");
        Api.Reply store = manager.post("api/warehouses", "{\"code\":\"" + code + "\",\"nameZh\":\"永嘉代储帐篷库\","
                + "\"division\":\"330324\",\"kind\":\"ENTRUSTED\",\"address\":\"瓯北镇\",\"lon\":120.65,\"lat\":28.05,"
                + "\"floorAreaM2\":800,\"volumeM3\":2400,\"contactName\":\"王经理\",\"contactPhone\":\"0577-88000001\"}");
        assertThat(store.status()).as(store.text()).isEqualTo(201);
        // 90 tents on 10 Jul (China time), 30 more on 11 Aug, 20 issued to a relief operation on 1 Sep
        String lot = "DC-" + UUID.randomUUID().toString().substring(0, 8);
        move(manager, "{\"type\":\"RECEIPT\",\"warehouse\":\"" + code + "\",\"material\":\"TENT-COTTON-12\",\"lot\":\""
                + lot + "\",\"quantity\":\"90\",\"productionDate\":\"2026-05-01\",\"owner\":\"永嘉县应急管理局\","
                + "\"reason\":\"代储入库\",\"occurredAt\":\"2026-07-10T02:00:00Z\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        move(manager, "{\"type\":\"RECEIPT\",\"warehouse\":\"" + code + "\",\"material\":\"TENT-COTTON-12\",\"lot\":\""
                + lot + "\",\"quantity\":\"30\",\"owner\":\"永嘉县应急管理局\",\"reason\":\"代储入库\","
                + "\"occurredAt\":\"2026-08-11T02:00:00Z\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        move(manager, "{\"type\":\"ISSUE\",\"warehouse\":\"" + code + "\",\"material\":\"TENT-COTTON-12\",\"lot\":\""
                + lot + "\",\"quantity\":\"20\",\"reason\":\"抢险调用\",\"occurredAt\":\"2026-09-01T02:00:00Z\","
                + "\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");

        Api finance = as("finance");
        long company = enterprise(finance, "330324", "永嘉代储测试公司");
        String body = "{\"enterprise\":" + company + ",\"division\":\"330324\",\"kind\":\"CUSTODY\","
                + "\"startsOn\":\"2026-07-01\",\"endsOn\":\"2027-06-30\",\"priceRule\":\"FIXED\",\"feeBasis\":\"PER_UNIT\","
                + "\"managementFee\":\"0\",\"paymentDays\":30,\"penaltyPerUnitDay\":\"0.1\",\"lines\":[{\"material\":"
                + "\"TENT-COTTON-12\",\"quantity\":\"100\",\"feeRate\":\"36.5\",\"unitValue\":\"1200\",\"qualityStandard\":"
                + "\"GB/T 19000\",\"warehouse\":\"" + code + "\"}]}";
        Api.Reply drafted = finance.post("api/agreements", body);
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        long agreement = drafted.json().get("id").asLong();
        assertThat(finance.post("api/agreements/" + agreement + "/activate", "").json().get("status").asText())
                .isEqualTo("ACTIVE");
        // an inspection that counted 100 does not change what the ledger says was there
        Api.Reply checked = manager.post("api/agreements/" + agreement + "/checks", "{\"checkedOn\":\"2026-09-15\","
                + "\"kind\":\"SCHEDULED\",\"lines\":[{\"line\":1,\"counted\":\"100\",\"qualityOk\":true}]}");
        assertThat(checked.status()).as(checked.text()).isEqualTo(201);

        // the lot: owned by the county's emergency bureau, kept by the enterprise
        JsonNode balance = manager.get("api/stock/balances?warehouse=" + code).json().get("items").get(0);
        assertThat(balance.get("owner").asText()).isEqualTo("永嘉县应急管理局");
        assertThat(balance.get("custodian").asText()).isEqualTo("永嘉代储测试公司");
        assertThat(balance.get("quantity").asText()).isEqualTo("100");

        // Q3: 9 Jul held nothing (9 days), 10 Jul-10 Aug 90 (32 days), 11-31 Aug 120 (21 days; 100 paid),
        // Sep 100 (30 days): held 2880 + 2100 + 3000 = 7980 unit-days, short 900 + 320 = 1220 unit-days.
        // Fee 7980 x 36.5 / 365 = 798.00; penalty 1220 x 0.1 = 122.00
        Api.Reply accrued = finance.post("api/statements/accrue", "{\"period\":\"2026-Q3\",\"division\":\"330324\"}");
        assertThat(accrued.status()).as(accrued.text()).isEqualTo(200);
        JsonNode s = finance.get("api/statements/" + finance.get("api/statements?enterprise=" + company).json()
                .get("items").get(0).get("id").asLong()).json();
        assertThat(s.get("lines").findValuesAsText("kind")).containsExactly("STORAGE_FEE", "SHORTFALL");
        assertThat(s.get("lines").findValuesAsText("basis")).containsExactly("7980", "1220");
        assertThat(s.get("lines").findValuesAsText("amount")).containsExactly("798.00", "-122.00");
        assertThat(s.get("total").asText()).isEqualTo("676.00");
    }

    private static void move(Api who, String movement) {
        Api.Reply r = who.post("api/stock/movements", movement);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    @Test
    void the_years_spending_sums_to_the_fen_with_the_journal_by_level_and_division_and_stays_in_the_jurisdiction()
            throws Exception {
        Api finance = as("finance");
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        // every journal entry was posted this year or last (the demo books its approvals when it is seeded), so the
        // two years' subsidies together are the subsidy expense the trial balance holds, to the fen
        java.math.BigDecimal subsidies = java.math.BigDecimal.ZERO;
        for (int y : new int[] {year - 1, year}) {
            Api.Reply r = finance.get("api/finance/spending?year=" + y);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            JsonNode spending = r.json();
            assertThat(spending.get("division").asText()).isEqualTo("33");
            java.math.BigDecimal rows = java.math.BigDecimal.ZERO;
            for (JsonNode row : spending.get("rows")) {
                rows = rows.add(new java.math.BigDecimal(row.get("total").asText()));
            }
            java.math.BigDecimal levels = java.math.BigDecimal.ZERO;
            for (JsonNode level : spending.get("levels")) {
                levels = levels.add(new java.math.BigDecimal(level.get("total").asText()));
            }
            java.math.BigDecimal total = new java.math.BigDecimal(spending.get("total").get("total").asText());
            assertThat(rows).isEqualByComparingTo(total);
            assertThat(levels).isEqualByComparingTo(total);
            subsidies = subsidies.add(new java.math.BigDecimal(spending.get("total").get("amounts").get("SUBSIDY").asText()));
        }
        JsonNode balance = finance.get("api/finance/trial-balance").json();
        String expense = null;
        for (JsonNode a : balance.get("accounts")) {
            if (a.get("account").asText().equals("SUBSIDY_EXPENSE")) {
                expense = a.get("balance").asText();
            }
        }
        assertThat(subsidies).as("spending against the trial balance").isPositive()
                .isEqualByComparingTo(new java.math.BigDecimal(expense));

        // a city's finance office sees its own city, and is refused the province's figures
        Api taizhou = as("taizhou.finance");
        JsonNode city = taizhou.get("api/finance/spending?year=" + year).json();
        assertThat(city.get("division").asText()).isEqualTo("3310");
        assertThat(city.get("rows").findValuesAsText("division")).allMatch(d -> d.startsWith("3310"));
        assertProblem(taizhou.get("api/finance/spending?division=33"), 403, "outside-jurisdiction");
        assertProblem(taizhou.get("api/reports/spending.pdf?division=33"), 403, "outside-jurisdiction");
        assertProblem(finance.get("api/finance/spending?year=abc"), 400, "validation");
        assertThat(as("yongjia.manager").get("api/finance/spending").status()).isEqualTo(403);

        Api.Reply pdf = finance.get("api/reports/spending.pdf?year=" + year);
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("年度储备支出", "浙江省", "储备补贴", "小计", "合计");
        }
        Api.Reply xlsx = finance.get("api/reports/spending.xlsx?year=" + year + "&lang=en");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).endsWith("/" + type);
    }
}
