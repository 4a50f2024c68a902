package io.scatter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTextTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aResultWithOneFieldIsPrintedAsItsBareValue() throws Exception {
        assertThat(ResultText.of(json.readTree("{\"count\":78498}"))).isEqualTo("78498");
        assertThat(ResultText.of(json.readTree("{\"word\":\"scatter\"}"))).isEqualTo("scatter");
        assertThat(ResultText.of(json.readTree("{\"primes\":[2,3]}"))).isEqualTo("[2,3]");
    }

    @Test
    void aResultWithSeveralFieldsIsPrintedAsCompactJson() throws Exception {
        assertThat(ResultText.of(json.readTree("{\"count\":4, \"largest\":7}")))
                .isEqualTo("{\"count\":4,\"largest\":7}");
    }
}
