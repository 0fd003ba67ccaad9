package org.govflow.decisions;

/**
 * The result of re-computing the register's hash chain.
 *
 * @param checked how many entries were checked
 * @param brokenAt the id of the first entry whose hash or link does not match, or null
 * @param reason why it does not match, or null
 */
public record ChainVerification(long checked, Long brokenAt, String reason) {

  public boolean intact() {
    return brokenAt == null;
  }
}
