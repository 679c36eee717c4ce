package org.nianbao.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nianbao.validate.rules.catalogue.PrivacyPersonalDataRule;

/** Personal data is found, masked, and not confused with office lines, document numbers or amounts. */
class PrivacyRuleTest {

    private static final PrivacyPersonalDataRule RULE = new PrivacyPersonalDataRule();
    private static final String ID = PrivacyIds.valid("35012819850315123");

    private static List<Finding> scan(String narrative) {
        return Fixtures.run(RULE, Fixtures.edit("pingtan-syq-2021").section(5, narrative).build());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "申请人王某，手机13812345678，要求公开征收补偿信息。|138****5678",
        "经核实，申请人李某（13912345678）已撤回申请。|139****5678"})
    void privateMobileNumbersAreFoundAndMasked(String text, String masked) {
        List<Finding> f = scan(text);
        assertEquals(1, f.size(), f::toString);
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertEquals(masked, f.get(0).actual());
        assertTrue(f.get(0).span().contains(masked), "the quote shows the masked value");
        assertFalse(f.get(0).message().matches(".*1[3-9]\\d{9}.*"), "message must not repeat the number");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "联系电话：13812345678，欢迎监督。",
        "服务热线 13912345678",
        "电话/传真：0591-23165370。",
        "依据闽政办〔2019〕60号文件执行。",
        "全年收费13512345678元。",
        "采购总金额13575394432.52元。",
        "身份证号码350128198503151230无效。"})
    void officeLinesDocumentNumbersAndAmountsAreNotPersonalData(String text) {
        assertEquals(List.of(), scan(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"350128", "110105"})
    void validIdNumbersAreFoundAndMasked(String prefix) {
        String id = PrivacyIds.valid(prefix + "19850315123");
        List<Finding> f = scan("申请人身份证号" + id + "。");
        assertEquals(1, f.size());
        assertEquals(id.substring(0, 6) + "********" + id.substring(14), f.get(0).actual());
        assertFalse(f.get(0).span().contains(id));
        assertFalse(f.get(0).message().contains(id));
    }

    @ParameterizedTest
    @CsvSource({"35012819850315123", "11010519491231002"})
    void checkDigitAndBirthDateAreVerified(String first17) {
        assertTrue(PrivacyPersonalDataRule.isValidId(PrivacyIds.valid(first17)));
        assertFalse(PrivacyPersonalDataRule.isValidId(PrivacyIds.invalid(first17)));
        assertFalse(PrivacyPersonalDataRule.isValidId(PrivacyIds.valid(first17.substring(0, 10) + "13"
                + first17.substring(12))), "month 13");
        assertEquals(List.of(), scan("编号" + PrivacyIds.invalid(first17) + "。"));
    }

    @org.junit.jupiter.api.Test
    void idConstantIsValid() {
        assertTrue(PrivacyPersonalDataRule.isValidId(ID));
    }
}
