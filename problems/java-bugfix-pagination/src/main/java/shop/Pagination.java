package shop;

import java.util.List;

/** Splits a result list into pages for the shop's product listing. */
public final class Pagination {
  private Pagination() {}

  /** How many pages it takes to show {@code total} items, {@code size} per page. */
  public static int pageCount(int total, int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("page size must be positive, got " + size);
    }
    return total / size;
  }

  /** The items on 1-based page {@code page}; empty past the last page. */
  public static <T> List<T> page(List<T> items, int page, int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("page size must be positive, got " + size);
    }
    int from = page * size;
    if (from >= items.size()) {
      return List.of();
    }
    return items.subList(from, Math.min(from + size, items.size()));
  }
}
