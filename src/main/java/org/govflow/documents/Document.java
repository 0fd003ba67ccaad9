package org.govflow.documents;

import java.util.List;

/** A document of a process with its versions, newest last. */
public record Document(
    String id, String processInstanceId, String name, List<DocumentVersion> versions) {

  public DocumentVersion current() {
    return versions.get(versions.size() - 1);
  }
}
