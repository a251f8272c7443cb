package org.jixiao.project;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/** A {@link ProjectSearch} as a JPA query: only the filters given, a LIKE with its wildcards escaped. */
final class ProjectSearches {

  private ProjectSearches() {}

  static Specification<Project> of(ProjectSearch s) {
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      where.add(root.get("district").in(s.districts()));
      if (s.department() != null) {
        where.add(cb.equal(root.get("department"), s.department()));
      }
      if (s.status() != null) {
        where.add(cb.equal(root.get("status"), s.status()));
      }
      if (s.stage() != null) {
        where.add(cb.equal(root.get("stage"), s.stage()));
      }
      if (s.budgetYear() != null) {
        where.add(cb.equal(root.get("budgetYear"), s.budgetYear()));
      }
      if (s.minAmount() != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("amount"), s.minAmount()));
      }
      if (s.maxAmount() != null) {
        where.add(cb.lessThanOrEqualTo(root.get("amount"), s.maxAmount()));
      }
      if (s.text() != null && !s.text().isBlank()) {
        String like = "%" + escape(s.text().strip().toLowerCase(Locale.ROOT)) + "%";
        where.add(cb.or(cb.like(cb.lower(root.get("code")), like, '\\'),
            cb.like(cb.lower(root.get("name")), like, '\\')));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
