package org.govflow.partnerships.internal;

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
    @NotBlank @Size(max = 100) String partnerId,
    @NotBlank @Pattern(regexp = "un-system|intergovernmental|public-agency|association")
        String partnerKind,
    @NotBlank @Size(max = 300) String title,
    @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate signedOn,
    @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate startsOn,
    @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate endsOn,
    @NotBlank @Pattern(regexp = "express|tacit") String renewalKind,
    @NotBlank @Pattern(regexp = "P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?") String noticePeriod,
    @NotBlank @Size(max = 100) String focalPoint,
    @Size(max = 200) String contactName,
    @Email @Size(max = 320) String contactEmail,
    @Pattern(regexp = "en|fr|es") String contactLanguage) {}
