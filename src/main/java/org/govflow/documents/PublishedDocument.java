package org.govflow.documents;

/** A published document version, as the public page lists it. */
public record PublishedDocument(String name, DocumentVersion version) {}
