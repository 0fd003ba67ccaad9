package org.govflow.partnerships.internal;

import java.time.Instant;

/** A line of an MoU's timeline. */
record MouEvent(String kind, String detail, String personId, Instant happenedAt) {}
