package org.govflow.inbox;

/**
 * A process the caller may start, named in their language, with its start form.
 *
 * @param needsDocument whether it starts only with its document (a document approval): the body is
 *     never asked to approve "no documents yet"
 */
public record LaunchableProcess(
    String key, String name, String startFormId, boolean needsDocument) {}
