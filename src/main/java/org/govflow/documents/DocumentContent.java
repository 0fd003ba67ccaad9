package org.govflow.documents;

/** A version's bytes, with what a download needs. */
public record DocumentContent(DocumentVersion version, byte[] bytes) {}
