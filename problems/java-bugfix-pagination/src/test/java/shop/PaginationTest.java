package shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaginationTest {
  private static final List<String> ITEMS = List.of("a", "b", "c", "d", "e", "f", "g");

  @Test
  void pageCountIncludesTheLastPartialPage() {
    assertEquals(3, Pagination.pageCount(7, 3));
    assertEquals(2, Pagination.pageCount(6, 3));
    assertEquals(1, Pagination.pageCount(1, 10));
    assertEquals(0, Pagination.pageCount(0, 10));
  }

  @Test
  void pagesStartAtOne() {
    assertEquals(List.of("a", "b", "c"), Pagination.page(ITEMS, 1, 3));
    assertEquals(List.of("d", "e", "f"), Pagination.page(ITEMS, 2, 3));
    assertEquals(List.of("g"), Pagination.page(ITEMS, 3, 3));
    assertEquals(List.of(), Pagination.page(ITEMS, 4, 3));
  }

  @Test
  void everyItemIsOnExactlyOnePage() {
    int size = 2;
    StringBuilder all = new StringBuilder();
    for (int p = 1; p <= Pagination.pageCount(ITEMS.size(), size); p++) {
      Pagination.page(ITEMS, p, size).forEach(all::append);
    }
    assertEquals("abcdefg", all.toString());
  }

  @Test
  void badArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Pagination.pageCount(5, 0));
    assertThrows(IllegalArgumentException.class, () -> Pagination.page(ITEMS, 0, 3));
  }
}
