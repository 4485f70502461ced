package csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineTest {

  @Test
  void plainFields() {
    assertEquals(List.of("a", "b", "c"), CsvLine.parse("a,b,c"));
    assertEquals(List.of("one"), CsvLine.parse("one"));
  }

  @Test
  void emptyFieldsAreKept() {
    assertEquals(List.of("", "x", "", ""), CsvLine.parse(",x,,"));
    assertEquals(List.of(""), CsvLine.parse(""));
  }

  @Test
  void quotedFieldsMayHoldCommasAndQuotes() {
    assertEquals(List.of("Smith, John", "42"), CsvLine.parse("\"Smith, John\",42"));
    assertEquals(List.of("say \"hi\"", "ok"), CsvLine.parse("\"say \"\"hi\"\"\",ok"));
    assertEquals(List.of("", "b"), CsvLine.parse("\"\",b"));
  }

  @Test
  void spacesAreData() {
    assertEquals(List.of(" a ", " b"), CsvLine.parse(" a , b"));
  }

  @Test
  void unterminatedQuoteIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> CsvLine.parse("\"open,b"));
  }
}
