/**
 * Versioned documents attached to processes: upload limits, file types checked on the content,
 * SHA-256 per version, access for the process's participants, text diffs between versions, and
 * versions published by the secretariat or leadership for the public page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package org.govflow.documents;
