package io.scatter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResultTextTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_result_with_one_field_is_printed_as_its_bare_value() throws Exception {
        assertThat(SubmitCommand.resultText(json.readTree("{\"count\":78498}"))).isEqualTo("78498");
        assertThat(SubmitCommand.resultText(json.readTree("{\"word\":\"scatter\"}"))).isEqualTo("scatter");
        assertThat(SubmitCommand.resultText(json.readTree("{\"primes\":[2,3]}"))).isEqualTo("[2,3]");
    }

    @Test
    void a_result_with_several_fields_is_printed_as_compact_json() throws Exception {
        assertThat(SubmitCommand.resultText(json.readTree("{\"count\":4, \"largest\":7}")))
                .isEqualTo("{\"count\":4,\"largest\":7}");
    }
}
