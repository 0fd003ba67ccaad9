package org.govflow.partnerships.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * An MoU as the secretariat registers or edits it, from the API or the page. The dates are those of
 * its current term; what the annotations cannot check (dates in order, the partner, the focal
 * point) {@link MouRegister} checks.
 */
record MouInput(
    @Schema(example = "partner-oecd") @NotBlank @Size(max = 100) String partnerId,
    @Schema(example = "intergovernmental")
        @NotBlank
        @Pattern(regexp = "un-system|intergovernmental|public-agency|association")
        String partnerKind,
    @Schema(example = "MoU on local public finance data") @NotBlank @Size(max = 300) String title,
    @Schema(example = "2025-03-01") @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate signedOn,
    @Schema(example = "2025-03-01") @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate startsOn,
    @Schema(example = "2028-02-29") @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate endsOn,
    @Schema(example = "express") @NotBlank @Pattern(regexp = "express|tacit") String renewalKind,
    @Schema(description = "ISO 8601 period", example = "P3M")
        @NotBlank
        @Pattern(regexp = "P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?")
        String noticePeriod,
    @Schema(example = "ana.belmonte") @NotBlank @Size(max = 100) String focalPoint,
    @Schema(example = "Marie Dupont") @Size(max = 200) String contactName,
    @Schema(example = "marie.dupont@partner.example") @Email @Size(max = 320) String contactEmail,
    @Schema(example = "fr") @Pattern(regexp = "en|fr|es") String contactLanguage) {}
