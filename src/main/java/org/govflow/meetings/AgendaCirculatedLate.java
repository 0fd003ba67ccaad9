package org.govflow.meetings;

import java.time.Instant;

/** A meeting's agenda went out after its documents deadline. */
public record AgendaCirculatedLate(String businessKey, Instant deadline, Instant circulatedAt) {}
