package org.govflow.documents;

/**
 * A published document version, as the public page lists it.
 *
 * @param processInstanceId the process the document belongs to, so that a page can show it beside
 *     that process's decision
 */
public record PublishedDocument(String name, String processInstanceId, DocumentVersion version) {}
