package io.scatter.api.job;

import io.scatter.api.problem.BadRequestException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobRequestTest {

    private static JobRequest parse(String json) {
        return JobRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numbersKeepTheirExactValue() {
        JobRequest request = parse("""
                {"type":"t","input":{"small":7,"large":12345678901,"huge":99999999999999999999999,
                                     "fraction":1.0000000000000001,"exponent":1e400}}""");
        assertThat(request.input().get("small")).isEqualTo(7);
        assertThat(request.input().get("large")).isEqualTo(12_345_678_901L);
        assertThat(request.input().get("huge")).isEqualTo(new BigInteger("99999999999999999999999"));
        assertThat(request.input().get("fraction")).isEqualTo(new BigDecimal("1.0000000000000001"));
        assertThat((BigDecimal) request.input().get("exponent")).isEqualByComparingTo(new BigDecimal("1e400"));
    }

    @Test
    void optionsDefaultToAnEmptyObject() {
        assertThat(parse("{\"type\":\"t\",\"input\":{}}").options()).isEmpty();
        assertThat(parse("{\"type\":\"t\",\"input\":{},\"options\":null}").options()).isEmpty();
    }

    @Test
    void theFingerprintIgnoresKeyOrderButNotValues() {
        String one = parse("{\"type\":\"t\",\"input\":{\"a\":1,\"b\":2}}").fingerprint();
        String reordered = parse("{\"input\":{\"b\":2,\"a\":1},\"type\":\"t\"}").fingerprint();
        String different = parse("{\"type\":\"t\",\"input\":{\"a\":1,\"b\":3}}").fingerprint();
        assertThat(one).isEqualTo(reordered).isNotEqualTo(different);
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThatThrownBy(() -> parse("{\"type\":\"t\",\"type\":\"u\",\"input\":{}}"))
                .isInstanceOf(BadRequestException.class)
                .extracting(e -> ((BadRequestException) e).field()).isEqualTo("body");
    }

    @Test
    void anUnknownTopLevelFieldIsNamed() {
        assertThatThrownBy(() -> parse("{\"type\":\"t\",\"input\":{},\"priority\":1}"))
                .isInstanceOf(BadRequestException.class)
                .extracting(e -> ((BadRequestException) e).field()).isEqualTo("priority");
    }
}
