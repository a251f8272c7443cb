package org.jixiao.goal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A unit's request to change approved goals during execution: why, and the goals as they should be. */
public record AdjustmentRequest(
    @NotBlank(message = "请说明调整绩效目标的原因")
    @Size(max = 1000, message = "调整原因不能超过 1000 个字")
    String reason,
    @NotNull(message = "请填写调整后的绩效目标")
    @Valid
    GoalDraft goals) {}
