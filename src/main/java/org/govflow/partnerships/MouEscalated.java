package org.govflow.partnerships;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A renewal went wrong in time and the Presidency and the Secretary General must know: the notice
 * date passed undecided (a tacit MoU then renewed by itself), or the MoU expired before its renewal
 * was signed.
 *
 * @param what {@code notice-passed-tacit}, {@code notice-passed-express} or {@code
 *     expired-unsigned}
 * @param noticeAt when the last day to decide closed
 * @param expiryAt when the term ends (ended)
 * @param newTermEnd the end of the term a tacit renewal added, or null
 * @param presidency the body whose members are told
 * @param secretaryGeneral the person holding the Secretary General's role, told as well
 */
public record MouEscalated(
    long mouId,
    String partnerId,
    String title,
    String businessKey,
    String what,
    Instant noticeAt,
    Instant expiryAt,
    LocalDate newTermEnd,
    String presidency,
    String secretaryGeneral) {

  public static final String NOTICE_PASSED_TACIT = "notice-passed-tacit";
  public static final String NOTICE_PASSED_EXPRESS = "notice-passed-express";
  public static final String EXPIRED_UNSIGNED = "expired-unsigned";
}
