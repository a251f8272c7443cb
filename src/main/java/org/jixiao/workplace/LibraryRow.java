package org.jixiao.workplace;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One project in the library's list (and one row of its export), with the Chinese labels of its codes. */
public record LibraryRow(String code, String name, String district, String districtName, String department,
    String departmentName, String itemType, String itemTypeLabel, String status, String statusLabel, String stage,
    String stageLabel, int budgetYear, BigDecimal amount, BigDecimal approvedAmount, String applicant,
    OffsetDateTime updatedAt) {}
