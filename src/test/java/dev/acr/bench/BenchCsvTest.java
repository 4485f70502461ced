package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCsvTest {
  @Test
  void quotedFieldsWithCommasQuotesAndNewlines() throws Exception {
    List<Csv.Row> rows = Csv.parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nlast,,\n");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).fields()).containsExactly("a", "b", "c");
    assertThat(rows.get(1).fields()).containsExactly("x, y", "say \"hi\"", "two\nlines");
    assertThat(rows.get(1).line()).isEqualTo(2);
    assertThat(rows.get(1).lastLine()).isEqualTo(3);
    assertThat(rows.get(2).line()).isEqualTo(5);
    assertThat(rows.get(2).fields()).containsExactly("last", "", "");
  }

  @Test
  void noTrailingNewline() throws Exception {
    List<Csv.Row> rows = Csv.parse("a,b\n1,2");
    assertThat(rows.get(1).fields()).containsExactly("1", "2");
    assertThat(rows.get(1).lastLine()).isEqualTo(2);
  }

  @Test
  void unterminatedQuoteReportsWhereItOpened() {
    assertThatThrownBy(() -> Csv.parse("a,b\n1,\"2\n3,4\n"))
        .isInstanceOf(Csv.CsvException.class)
        .hasMessage("unterminated quoted field")
        .satisfies(e -> assertThat(((Csv.CsvException) e).line).isEqualTo(2));
  }
}
