package org.govflow.directory;

/** organization.yml cannot be used: the message names the file, the place and what is wrong. */
public class OrganizationFileException extends RuntimeException {

  public OrganizationFileException(String message) {
    super(message);
  }

  public OrganizationFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
